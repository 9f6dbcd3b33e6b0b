using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pricing.Deploy.Tests.Support;

/// <summary>
/// The kubectl these tests render with: <c>PRICING_KUBECTL</c> (set by test.sh from
/// deploy/k8s/kubectl.sh), else <c>kubectl</c> on the PATH. Its kustomize must be v5 or newer. A
/// missing or older kubectl fails the tests, never skips them. No cluster is needed.
/// </summary>
internal static partial class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private static readonly SemaphoreSlim Checked = new(1, 1);
    private static string? s_path;

    /// <summary>Renders a kustomization (a folder under deploy/k8s) and returns its objects as JSON.</summary>
    public static async Task<Manifests> RenderAsync(string kustomization)
    {
        var kubectl = await FindAsync();
        var yaml = (await ProcessRun.RunAsync(kubectl, ["kustomize", Repository.Path("deploy", "k8s", kustomization)], Timeout)).EnsureSuccess().Output;
        return await ToJsonAsync(kubectl, yaml);
    }

    /// <summary>Parses a plain manifest file under deploy/k8s.</summary>
    public static async Task<Manifests> ReadAsync(string file) =>
        await ToJsonAsync(await FindAsync(), Repository.Read("deploy", "k8s", file));

    // kubectl turns YAML into JSON offline: `label --local` edits objects without a cluster and
    // prints them; removing a label nobody has changes nothing (it may add an empty labels map).
    private static async Task<Manifests> ToJsonAsync(string kubectl, string yaml)
    {
        var json = (await ProcessRun.RunAsync(kubectl, ["label", "--local", "-f", "-", "-o", "json", "pricing.deploy-tests/none-"], Timeout, input: yaml)).EnsureSuccess().Output;
        var objects = new List<JsonElement>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            objects.Add(document.RootElement.Clone());
        }

        return new Manifests(objects);
    }

    private static async Task<string> FindAsync()
    {
        await Checked.WaitAsync();
        try
        {
            if (s_path is not null)
            {
                return s_path;
            }

            var candidate = Environment.GetEnvironmentVariable("PRICING_KUBECTL") is { Length: > 0 } configured ? configured : "kubectl";
            ProcessRun version;
            try
            {
                version = await ProcessRun.RunAsync(candidate, ["version", "--client"], Timeout);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"kubectl ('{candidate}') cannot be run: {e.Message}. Run `export PRICING_KUBECTL=\"$(deploy/k8s/kubectl.sh)\"` (test.sh does).", e);
            }

            var kustomize = KustomizeVersion().Match(version.Output);
            if (version.ExitCode != 0 || !kustomize.Success || int.Parse(kustomize.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 5)
            {
                throw new InvalidOperationException(
                    $"'{candidate}' has no kustomize v5+ (it printed: {version.Output.Trim()} {version.Error.Trim()}). " +
                    "Debian's kubernetes-client (kubectl 1.20, kustomize v2.0.3) cannot render deploy/k8s; deploy/k8s/kubectl.sh provides a current kubectl.");
            }

            s_path = candidate;
            return candidate;
        }
        finally
        {
            Checked.Release();
        }
    }

    [GeneratedRegex(@"^Kustomize Version: v(\d+)\.", RegexOptions.Multiline)]
    private static partial Regex KustomizeVersion();
}
