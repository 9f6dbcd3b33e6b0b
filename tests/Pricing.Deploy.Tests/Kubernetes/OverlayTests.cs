using System.Globalization;
using System.Text.Json;
using Pricing.Deploy.Tests.Image;
using Pricing.Deploy.Tests.Support;

namespace Pricing.Deploy.Tests.Kubernetes;

/// <summary>Each overlay as <c>kubectl kustomize</c> renders it.</summary>
public sealed class OverlayTests
{
    /// <summary>Partitions of the ticks topic (deploy/local creates 8; so do the docs): more silos would idle.</summary>
    private const int Partitions = 8;

    public static TheoryData<string> Overlays => new() { "overlays/local", "overlays/production" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ProbesUseTheHealthEndpointsOnTheImagePort(string overlay)
    {
        var container = Silo(await Kubectl.RenderAsync(overlay));
        var port = container.Items("ports").Single(p => p.Text("name") == "http");
        Assert.Equal(ImageFacts.Port(Dockerfile.Load()), port.Int("containerPort"));

        Assert.Equal("/health/live", container.Text("startupProbe.httpGet.path"));
        Assert.Equal("/health/ready", container.Text("readinessProbe.httpGet.path"));
        Assert.Equal("/health/live", container.Text("livenessProbe.httpGet.path"));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("http", container.Text($"{probe}.httpGet.port"));
        }

        // The startup probe gives a cold start (schema migration, group join) a minute.
        var startup = container.At("startupProbe");
        Assert.True(startup.Int("periodSeconds") * startup.Int("failureThreshold") >= 60, $"startup probe allows less than 60 s: {startup}");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task GracePeriodCoversPreStopAndTheHandOver(string overlay)
    {
        var pod = Pod(await Kubectl.RenderAsync(overlay));
        var command = Silo(pod).Items("lifecycle.preStop.exec.command").Select(c => c.GetString()!).ToArray();
        Assert.Equal("sleep", command[0]);
        var preStop = TimeSpan.FromSeconds(int.Parse(command[1], CultureInfo.InvariantCulture));
        Assert.InRange(preStop, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));

        var grace = TimeSpan.FromSeconds(pod.Int("terminationGracePeriodSeconds"));
        var budget = HandOverBudget.For(preStop);
        Assert.True(grace >= budget, $"terminationGracePeriodSeconds {grace.TotalSeconds} < preStop {preStop.TotalSeconds} + host stop {HandOverBudget.HostShutdownTimeout.TotalSeconds} + margin {HandOverBudget.ExitMargin.TotalSeconds}");
    }

    [Fact]
    public void TheSiloKeepsTheHostsDefaultStopLimit()
    {
        // The grace periods are sized on HostOptions.ShutdownTimeout's default; a silo that changes
        // it must change the manifests and this budget too.
        var sources = Directory.EnumerateFiles(Repository.Path("src"), "*.cs", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(Repository.Path("src"), "appsettings*.json", SearchOption.AllDirectories));
        var changing = sources.Where(f => File.ReadAllText(f).Contains("ShutdownTimeout", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(changing.Count == 0, $"these set the host's shutdown timeout: {string.Join(", ", changing)}");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ResourcesAreRequestedAndMemoryIsLimited(string overlay)
    {
        var resources = Silo(await Kubectl.RenderAsync(overlay)).At("resources");
        var requestedMemory = Bytes(resources.Text("requests.memory"));
        var memoryLimit = Bytes(resources.Text("limits.memory"));
        Assert.True(resources.At("requests").TryGetProperty("cpu", out _), "no CPU request");
        Assert.True(requestedMemory >= 256L << 20, $"{requestedMemory} bytes requested: the silo alone takes about 150 MiB idle");
        Assert.True(memoryLimit >= requestedMemory, $"memory limit {memoryLimit} below the request {requestedMemory}");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task AutoscalerDrivesTheDeploymentWithinThePartitionCount(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var deployment = manifests.Single("Deployment");
        var hpa = manifests.Single("HorizontalPodAutoscaler");
        Assert.Equal("autoscaling/v2", hpa.Text("apiVersion"));
        Assert.Equal("Deployment", hpa.Text("spec.scaleTargetRef.kind"));
        Assert.Equal(Manifests.Name(deployment), hpa.Text("spec.scaleTargetRef.name"));
        Assert.InRange(hpa.Int("spec.minReplicas"), 1, hpa.Int("spec.maxReplicas"));
        Assert.InRange(hpa.Int("spec.maxReplicas"), 1, Partitions);
        Assert.NotEmpty(hpa.Items("spec.metrics"));
        // Each step is a rebalance: scale down slowly, one pod at a time.
        Assert.True(hpa.Int("spec.behavior.scaleDown.stabilizationWindowSeconds") >= 60);
        Assert.All(hpa.Items("spec.behavior.scaleDown.policies"), p => Assert.True(p.Text("type") == "Pods" && p.Int("value") == 1, p.ToString()));
        // The autoscaler owns the count; a replicas field would reset it on every apply.
        Assert.Null(deployment.Find("spec.replicas"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task DisruptionsAndRolloutsStopOneSiloAtATime(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var deployment = manifests.Single("Deployment");
        var pdb = manifests.Single("PodDisruptionBudget");
        Assert.Equal("policy/v1", pdb.Text("apiVersion"));
        Assert.Equal(1, pdb.Int("spec.maxUnavailable"));
        AssertSelects(pdb.At("spec.selector.matchLabels"), deployment.At("spec.template.metadata.labels"));

        Assert.Equal("RollingUpdate", deployment.Text("spec.strategy.type"));
        Assert.Equal("0", deployment.Text("spec.strategy.rollingUpdate.maxUnavailable"));
        Assert.Equal("1", deployment.Text("spec.strategy.rollingUpdate.maxSurge"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task SiloIdentityComesFromTheDownwardApi(string overlay)
    {
        var env = Silo(await Kubectl.RenderAsync(overlay)).Items("env").ToList();
        var names = env.Select(e => e.Text("name")).ToList();
        var podName = env.Single(e => e.Text("name") == "POD_NAME");
        var podIp = env.Single(e => e.Text("name") == "POD_IP");
        Assert.Equal("metadata.name", podName.Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("status.podIP", podIp.Text("valueFrom.fieldRef.fieldPath"));

        // $(VAR) expands only variables defined earlier in the list.
        var siloId = env.Single(e => e.Text("name") == "Pricing__SiloId");
        Assert.Equal("$(POD_NAME)", siloId.Text("value"));
        Assert.True(names.IndexOf("POD_NAME") < names.IndexOf("Pricing__SiloId"), "POD_NAME is defined after Pricing__SiloId");
        var address = env.Single(e => e.Text("name") == "Pricing__AdvertisedAddress");
        Assert.Equal($"http://$(POD_IP):{ImageFacts.Port(Dockerfile.Load())}", address.Text("value"));
        Assert.True(names.IndexOf("POD_IP") < names.IndexOf("Pricing__AdvertisedAddress"), "POD_IP is defined after Pricing__AdvertisedAddress");
        Assert.All(names.Where(n => n.StartsWith("Pricing__", StringComparison.Ordinal)), n => Assert.Null(ConfigurationKeys.Problem(n)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ConfigMapSelectsClusterModeWithKeysTheSiloReads(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var configMap = manifests.Single("ConfigMap");
        Assert.Contains(Silo(manifests).Items("envFrom"), e => e.Find("configMapRef.name")?.GetString() == Manifests.Name(configMap));
        var data = configMap.At("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        Assert.Equal("Cluster", data["Pricing__Mode"]);
        Assert.False(string.IsNullOrWhiteSpace(data["Pricing__Kafka__BootstrapServers"]));
        Assert.All(data.Keys, key => Assert.Null(ConfigurationKeys.Problem(key)));
        // Nothing secret in the ConfigMap: connection strings with passwords belong in the Secret.
        Assert.DoesNotContain(data, p => p.Key.Contains("ConnectionString", StringComparison.Ordinal) || p.Key.Contains("password", StringComparison.OrdinalIgnoreCase) || p.Key.StartsWith("Pricing__Redis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProductionRendersNoSecretAndTheExampleHoldsPlaceholdersOnly()
    {
        var production = await Kubectl.RenderAsync("overlays/production");
        Assert.Empty(production.OfKind("Secret"));
        var secretName = Silo(production).Items("envFrom").Select(e => e.Find("secretRef.name")?.GetString()).Single(n => n is not null);

        var example = (await Kubectl.ReadAsync("secret.example.yaml")).Single("Secret");
        Assert.Equal(secretName, Manifests.Name(example));
        Assert.Null(example.Find("data"));
        var values = example.At("stringData").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        Assert.Equal(["Pricing__Postgres__ConnectionString", "Pricing__Redis__Configuration"], values.Keys.Order(StringComparer.Ordinal));
        Assert.All(values, p => Assert.Null(ConfigurationKeys.Problem(p.Key)));
        Assert.Matches("Password=<[a-z-]+>", values["Pricing__Postgres__ConnectionString"]);
        Assert.Matches("password=<[a-z-]+>", values["Pricing__Redis__Configuration"]);
        Assert.All(values.Values, v => Assert.StartsWith("<", v.Split('=', 2)[^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalGeneratesTheSecretTheDeploymentReads()
    {
        var local = await Kubectl.RenderAsync("overlays/local");
        var secret = local.Single("Secret");
        var reference = Silo(local).Items("envFrom").Select(e => e.Find("secretRef.name")?.GetString()).Single(n => n is not null);
        // Generated with a content hash, which kustomize writes into the reference too.
        Assert.Equal(Manifests.Name(secret), reference);
        Assert.StartsWith("pricing-silo-secrets-", reference, StringComparison.Ordinal);
        var keys = secret.At("data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Pricing__Postgres__ConnectionString", "Pricing__Redis__Configuration"], keys);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task IngressReachesTheServiceWithAffinityAndLongLivedConnections(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var ingress = manifests.Single("Ingress");
        var service = manifests.Single("Service");
        var deployment = manifests.Single("Deployment");

        var annotations = ingress.At("metadata.annotations");
        // SignalR's negotiate and connect requests must reach the same pod.
        string Annotation(string name) => annotations.GetProperty($"nginx.ingress.kubernetes.io/{name}").GetString()!;
        int Seconds(string name) => int.Parse(Annotation(name), CultureInfo.InvariantCulture);
        Assert.Equal("cookie", Annotation("affinity"));
        Assert.True(Seconds("proxy-read-timeout") >= 300, "WebSockets idle out at nginx's 60 s default");
        Assert.True(Seconds("proxy-send-timeout") >= 300, "WebSockets idle out at nginx's 60 s default");

        var backend = ingress.Items("spec.rules").Single().Items("http.paths").Single(p => p.Text("path") == "/").At("backend.service");
        Assert.Equal(Manifests.Name(service), backend.Text("name"));
        var servicePort = service.Items("spec.ports").Single(p => p.Text("name") == backend.Text("port.name"));
        Assert.Equal("http", servicePort.Text("targetPort"));
        AssertSelects(service.At("spec.selector"), deployment.At("spec.template.metadata.labels"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task PodRunsAsTheImagesNonRootUser(string overlay)
    {
        var pod = Pod(await Kubectl.RenderAsync(overlay));
        Assert.True(pod.At("securityContext.runAsNonRoot").GetBoolean());
        Assert.Equal(ImageFacts.AppUid, pod.Int("securityContext.runAsUser"));
        var container = Silo(pod);
        Assert.False(container.At("securityContext.allowPrivilegeEscalation").GetBoolean());
        Assert.True(container.At("securityContext.readOnlyRootFilesystem").GetBoolean());
        // With a read-only root, .NET still needs a writable /tmp.
        Assert.Contains(container.Items("volumeMounts"), m => m.Text("mountPath") == "/tmp");
    }

    private static JsonElement Pod(Manifests manifests) => manifests.Single("Deployment").At("spec.template.spec");

    private static JsonElement Silo(Manifests manifests) => Silo(Pod(manifests));

    private static JsonElement Silo(JsonElement pod) => pod.Items("containers").Single(c => c.Text("name") == "silo");

    private static void AssertSelects(JsonElement selector, JsonElement labels)
    {
        foreach (var pair in selector.EnumerateObject())
        {
            Assert.True(labels.TryGetProperty(pair.Name, out var value) && value.GetString() == pair.Value.GetString(), $"selector {pair} does not match the pod labels {labels}");
        }
    }

    private static long Bytes(string quantity)
    {
        var units = new (string Suffix, long Factor)[] { ("Gi", 1L << 30), ("Mi", 1L << 20), ("Ki", 1L << 10), ("G", 1_000_000_000), ("M", 1_000_000) };
        var unit = units.FirstOrDefault(u => quantity.EndsWith(u.Suffix, StringComparison.Ordinal));
        return unit.Suffix is null ? long.Parse(quantity, CultureInfo.InvariantCulture) : long.Parse(quantity[..^unit.Suffix.Length], CultureInfo.InvariantCulture) * unit.Factor;
    }
}
