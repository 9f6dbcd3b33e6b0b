using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pricing.Deploy.Tests.Image;
using Pricing.Deploy.Tests.Kubernetes;
using Pricing.Deploy.Tests.Support;

namespace Pricing.Deploy.Tests.ContainerApps;

/// <summary>deploy/aca/main.bicep and its example parameters, read as text (no bicep CLI here).</summary>
public sealed class BicepTests
{
    private readonly BicepFile _bicep = BicepFile.Load("deploy", "aca", "main.bicep");

    [Fact]
    public void EveryParameterIsUsedAndTheExampleFileMatchesTheDeclarations()
    {
        var unused = _bicep.Parameters.Keys.Where(p => _bicep.Occurrences(p) < 2).ToList();
        Assert.True(unused.Count == 0, $"declared but never used: {string.Join(", ", unused)}");

        using var example = JsonDocument.Parse(Repository.Read("deploy", "aca", "main.parameters.example.json"));
        var given = example.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(given.Except(_bicep.Parameters.Keys));
        var required = _bicep.Parameters.Where(p => p.Value is null).Select(p => p.Key);
        Assert.Empty(required.Except(given));
    }

    [Fact]
    public void ExampleParametersHoldPlaceholdersForEverythingSpecificOrSecret()
    {
        using var example = JsonDocument.Parse(Repository.Read("deploy", "aca", "main.parameters.example.json"));
        foreach (var parameter in example.RootElement.GetProperty("parameters").EnumerateObject())
        {
            var value = parameter.Value.GetProperty("value");
            if (parameter.Name.EndsWith("SecretUri", StringComparison.Ordinal) || parameter.Name is "identityResourceId" or "image" or "registryServer" or "kafkaBootstrapServers")
            {
                Assert.Contains("<", value.GetString(), StringComparison.Ordinal);
            }
        }

        // Secrets are only ever Key Vault references: no parameter carries a secret value.
        Assert.DoesNotContain(_bicep.Parameters.Keys, p => Regex.IsMatch(p, "(?i)password$|connectionstring$|^redisconfiguration$"));
    }

    [Fact]
    public void KafkaScaleRuleMeasuresTheGroupTheSiloJoins()
    {
        var rule = _bicep.Block(@"custom: \{");
        Assert.Contains("type: 'kafka'", rule, StringComparison.Ordinal);
        Assert.Contains("metadata: scaleRuleMetadata", rule, StringComparison.Ordinal);
        var metadata = _bicep.Block(@"var scaleRuleMetadata = union\(\s*\{");
        foreach (var (key, parameter, setting) in new[] { ("bootstrapServers", "kafkaBootstrapServers", "Pricing__Kafka__BootstrapServers"), ("consumerGroup", "kafkaGroupId", "Pricing__Kafka__GroupId"), ("topic", "kafkaTopic", "Pricing__Kafka__Topic") })
        {
            Assert.Contains($"{key}: {parameter}", metadata, StringComparison.Ordinal);
            Assert.Contains($"{{ name: '{setting}', value: {parameter} }}", _bicep.Code, StringComparison.Ordinal);
        }

        Assert.Contains("lagThreshold: string(lagThreshold)", metadata, StringComparison.Ordinal);
        // The silo reads a partition without a committed offset from its start.
        Assert.Contains("offsetResetPolicy: 'earliest'", metadata, StringComparison.Ordinal);
        var scale = _bicep.Block(@"scale: \{");
        Assert.Contains("minReplicas: minReplicas", scale, StringComparison.Ordinal);
        Assert.Contains("maxReplicas: maxReplicas", scale, StringComparison.Ordinal);
        Assert.True(int.Parse(_bicep.Parameters["maxReplicas"]!, CultureInfo.InvariantCulture) <= 8, "more replicas than the 8 partitions would idle");
        Assert.True(int.Parse(_bicep.Parameters["minReplicas"]!, CultureInfo.InvariantCulture) >= 1, "with no replica nothing consumes");
    }

    [Fact]
    public void SecretReferencesResolveToKeyVaultSecrets()
    {
        var declared = Regex.Matches(_bicep.Code, @"\{ name: '(?<name>[a-z-]+)', (?<source>keyVaultUrl|value): (?<from>\w+)").ToDictionary(m => m.Groups["name"].Value, m => (Source: m.Groups["source"].Value, From: m.Groups["from"].Value), StringComparer.Ordinal);
        var referenced = Regex.Matches(_bicep.Code, @"secretRef: '(?<name>[a-z-]+)'").Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(referenced);
        Assert.Empty(referenced.Except(declared.Keys));
        // Only the SASL user name (no secret, but KEDA takes credentials from secrets only) is a plain value.
        Assert.All(declared.Where(d => d.Value.Source == "value"), d => Assert.Equal(("kafka-sasl-username", "kafkaSaslUsername"), (d.Key, d.Value.From)));
        Assert.Contains(("postgres-connection-string", "keyVaultUrl", "postgresConnectionStringSecretUri"), declared.Select(d => (d.Key, d.Value.Source, d.Value.From)));
        Assert.Contains(("redis-configuration", "keyVaultUrl", "redisConfigurationSecretUri"), declared.Select(d => (d.Key, d.Value.Source, d.Value.From)));
    }

    [Fact]
    public void SettingsAreKeysTheSiloBinds()
    {
        var names = Regex.Matches(_bicep.Code, @"name: '(?<name>Pricing__[^']+)'").Select(m => m.Groups["name"].Value).ToList();
        Assert.Contains("Pricing__Mode", names);
        Assert.Contains("{ name: 'Pricing__Mode', value: 'Cluster' }", _bicep.Code, StringComparison.Ordinal);
        Assert.All(names, n => Assert.Null(ConfigurationKeys.Problem(n)));
    }

    [Fact]
    public void IngressIsStickyOverAutoTransportAndProbesUseTheHealthEndpoints()
    {
        var port = ImageFacts.Port(Dockerfile.Load());
        var ingress = _bicep.Block(@"ingress: \{");
        Assert.Contains($"targetPort: {port}", ingress, StringComparison.Ordinal);
        Assert.Contains("transport: 'auto'", ingress, StringComparison.Ordinal);
        Assert.Matches(@"stickySessions: \{\s*affinity: 'sticky'\s*\}", ingress);
        // Sticky sessions work only in single revision mode.
        Assert.Contains("activeRevisionsMode: 'Single'", _bicep.Code, StringComparison.Ordinal);

        var probes = Regex.Matches(_bicep.Block(@"probes: \["), @"type: '(?<type>\w+)'\s*httpGet: \{\s*path: '(?<path>[^']+)'\s*port: (?<port>\d+)")
            .ToDictionary(m => m.Groups["type"].Value, m => (Path: m.Groups["path"].Value, Port: int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        Assert.Equal(("/health/live", port), probes["Startup"]);
        Assert.Equal(("/health/ready", port), probes["Readiness"]);
        Assert.Equal(("/health/live", port), probes["Liveness"]);
    }

    [Fact]
    public void GracePeriodCoversTheHandOver()
    {
        var grace = Regex.Match(_bicep.Code, @"terminationGracePeriodSeconds: (\d+)");
        Assert.True(grace.Success, "no terminationGracePeriodSeconds");
        // Container Apps has no preStop hook: SIGTERM comes at once.
        Assert.True(TimeSpan.FromSeconds(int.Parse(grace.Groups[1].Value, CultureInfo.InvariantCulture)) >= HandOverBudget.For(TimeSpan.Zero));
    }

    [Fact]
    public void BracketsAndQuotesBalance()
    {
        var depth = new Dictionary<char, int> { ['{'] = 0, ['['] = 0, ['('] = 0 };
        var closers = new Dictionary<char, char> { ['}'] = '{', [']'] = '[', [')'] = '(' };
        foreach (var line in _bicep.Code.Split('\n'))
        {
            var unquoted = Regex.Replace(line.Replace("\\'", string.Empty, StringComparison.Ordinal), "'[^']*'", "''");
            Assert.True(unquoted.Count(c => c == '\'') % 2 == 0, $"unbalanced quote: {line}");
            foreach (var c in unquoted)
            {
                if (depth.TryGetValue(c, out var open))
                {
                    depth[c] = open + 1;
                }
                else if (closers.TryGetValue(c, out var opener))
                {
                    depth[opener]--;
                    Assert.True(depth[opener] >= 0, $"'{c}' closes nothing: {line}");
                }
            }
        }

        Assert.All(depth, d => Assert.Equal(0, d.Value));
    }
}
