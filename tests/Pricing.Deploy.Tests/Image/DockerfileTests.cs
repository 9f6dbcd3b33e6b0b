using System.Xml.Linq;
using Pricing.Deploy.Tests.Support;

namespace Pricing.Deploy.Tests.Image;

/// <summary>The Dockerfile cannot be built here (no Docker engine); these check what it says.</summary>
public sealed class DockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    [Fact]
    public void EntrypointRunsThePublishedSiloFromTheCopiedFolder()
    {
        var build = _dockerfile.Stage("build");
        var publish = build.All("RUN").Select(r => r.Arguments).SingleOrDefault(a => a.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.NotNull(publish);
        Assert.Contains("src/Silo/Pricing.Silo.csproj", publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        var output = OptionValue(publish, "-o");

        var copy = _dockerfile.Final.All("COPY").Select(c => c.CopyParts()).Single(c => c.Options.GetValueOrDefault("from") == "build");
        Assert.Equal([output, "."], copy.Paths);
        var workdir = _dockerfile.Final.Last("WORKDIR")?.Arguments;
        Assert.Equal("/app", workdir);

        var entrypoint = _dockerfile.Final.Last("ENTRYPOINT")!.ExecForm();
        Assert.Equal(["dotnet", ImageFacts.SiloDll], entrypoint);
    }

    [Fact]
    public void RuntimeIsTheAspNetImageWithLibrdkafka()
    {
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", _dockerfile.Final.From, StringComparison.Ordinal);
        var installs = string.Join(' ', _dockerfile.Final.All("RUN").Select(r => r.Arguments));
        // The name src/Shared/LibrdkafkaLoader.cs falls back to when the -dev symlink is absent.
        Assert.Matches(@"apt-get install[^&]*\blibrdkafka1\b", installs);
        Assert.Contains("rm -rf /var/lib/apt/lists", installs, StringComparison.Ordinal);
        var loader = Repository.Read("src", "Shared", "LibrdkafkaLoader.cs");
        Assert.Contains("\"librdkafka.so.1\"", loader, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsAsANonRootUser()
    {
        var user = _dockerfile.Final.Last("USER")?.Arguments;
        Assert.NotNull(user);
        var uid = user == "$APP_UID" || user == "${APP_UID}" ? ImageFacts.AppUid : int.TryParse(user, out var number) ? number : -1;
        Assert.True(uid > 0, $"USER {user} is not a numeric non-root user (Kubernetes' runAsNonRoot needs a number).");

        // USER comes after everything that needs root (apt-get) and before the entry point.
        var order = _dockerfile.Final.Instructions.Select(i => i.Name).ToList();
        Assert.True(order.LastIndexOf("RUN") < order.LastIndexOf("USER"), "a RUN follows USER in the final stage");
        Assert.True(order.LastIndexOf("USER") < order.LastIndexOf("ENTRYPOINT"), "ENTRYPOINT comes before USER");
    }

    [Fact]
    public void ListensOnEveryInterfaceAndChecksLiveness()
    {
        var environment = _dockerfile.Final.Environment();
        var port = ImageFacts.Port(_dockerfile);
        Assert.Matches(@"^http://(\+|\*|0\.0\.0\.0|\[::\]):\d+$", environment["Urls"]);
        Assert.Contains(_dockerfile.Final.All("EXPOSE"), e => e.Arguments == port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var healthcheck = _dockerfile.Final.Last("HEALTHCHECK")?.Arguments;
        Assert.NotNull(healthcheck);
        Assert.Contains($"http://127.0.0.1:{port}/health/live", healthcheck, StringComparison.Ordinal);
        Assert.Contains(" CMD ", $" {healthcheck}", StringComparison.Ordinal);
        // The tool the check runs is installed in the same image.
        Assert.Contains(_dockerfile.Final.All("RUN"), r => r.Arguments.Contains("curl", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildStageHasNodeForTheDashboard()
    {
        var build = _dockerfile.Stage("build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", build.From, StringComparison.Ordinal);
        var node = _dockerfile.Stage("node");
        Assert.Equal("node:${NODE_VERSION}-bookworm-slim", node.From);
        var version = int.Parse(_dockerfile.GlobalArg("NODE_VERSION") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(version >= 20, $"Vite 8 needs Node 20.19+; the Dockerfile asks for {version}.");
        Assert.Contains(build.All("COPY"), c => c.CopyParts().Options.GetValueOrDefault("from") == "node" && c.CopyParts().Paths[0] == "/usr/local/bin/node");
    }

    [Fact]
    public void RestoreLayerCopiesEveryProjectTheSiloNeeds()
    {
        // `dotnet restore` runs before the sources are copied: each project file the silo
        // references, directly or not, must already be there.
        var build = _dockerfile.Stage("build");
        var restoreIndex = build.Instructions.FindIndex(i => i.Name == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.True(restoreIndex > 0, "the build stage has no dotnet restore");
        var copiedBefore = build.Instructions.Take(restoreIndex).Where(i => i.Name == "COPY").SelectMany(c => c.CopyParts().Paths.SkipLast(1)).ToHashSet(StringComparer.Ordinal);

        var needed = new SortedSet<string>(StringComparer.Ordinal) { "global.json", "Directory.Build.props", "Directory.Packages.props" };
        var pending = new Stack<string>(["src/Silo/Pricing.Silo.csproj"]);
        while (pending.TryPop(out var project))
        {
            if (!needed.Add(project))
            {
                continue;
            }

            var document = XDocument.Load(Repository.Path(project));
            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in document.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value))
            {
                pending.Push(Path.GetRelativePath(Repository.Root, Repository.Path(folder, reference.Replace('\\', '/'))).Replace('\\', '/'));
            }

            foreach (var import in document.Descendants("Import").Select(i => i.Attribute("Project")!.Value))
            {
                needed.Add(Path.GetRelativePath(Repository.Root, Repository.Path(folder, import.Replace('\\', '/'))).Replace('\\', '/'));
            }
        }

        var missing = needed.Where(n => !copiedBefore.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"copied only after `dotnet restore`: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryCopiedSourceExistsAndIsNotIgnored()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var stage in _dockerfile.Stages)
        {
            foreach (var (options, paths) in stage.All("COPY").Select(c => c.CopyParts()).Where(c => !c.Options.ContainsKey("from")))
            {
                foreach (var source in paths.SkipLast(1))
                {
                    Assert.True(File.Exists(Repository.Path(source)) || Directory.Exists(Repository.Path(source)), $"COPY {source}: no such file in the repository");
                    Assert.DoesNotContain(ignored, pattern => pattern.TrimEnd('/') == source.TrimEnd('/'));
                }
            }
        }

        // Build output and node_modules of a developer's checkout must not reach the build.
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/node_modules/", ignored);
    }

    private static string OptionValue(string command, string option)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(words, option);
        Assert.True(index >= 0 && index + 1 < words.Length, $"'{command}' has no {option}");
        return words[index + 1];
    }
}
