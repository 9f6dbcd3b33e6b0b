using System.Text.Json;

namespace Pricing.Deploy.Tests.Support;

/// <summary>
/// The repository's Dockerfile as instructions grouped by stage: comments dropped, line
/// continuations joined, instruction names upper-cased. Enough to check what it does, not a full
/// parser (no heredocs, no parser directives).
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> preamble, IReadOnlyList<DockerStage> stages)
    {
        Preamble = preamble;
        Stages = stages;
    }

    /// <summary>Instructions before the first FROM (global ARGs).</summary>
    public IReadOnlyList<DockerInstruction> Preamble { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage the image is made of.</summary>
    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"The Dockerfile has no stage '{name}' (it has {string.Join(", ", Stages.Select(s => s.Name ?? "(unnamed)"))}).");

    /// <summary>The default of a global ARG.</summary>
    public string? GlobalArg(string name) =>
        Preamble.Where(i => i.Name == "ARG").Select(i => i.Arguments.Split('=', 2)).Where(p => p[0] == name).Select(p => p.Length > 1 ? p[1] : null).LastOrDefault();

    public static Dockerfile Load() => Parse(Repository.Read("Dockerfile"));

    public static Dockerfile Parse(string text)
    {
        var preamble = new List<DockerInstruction>();
        var stages = new List<DockerStage>();
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Name == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new DockerStage(words[0], name, []));
            }
            else if (stages.Count == 0)
            {
                preamble.Add(instruction);
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(preamble, stages);
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var pending = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                // Comment lines may sit inside a continued instruction too.
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var whole = (pending + line.Trim()).Trim();
            pending = string.Empty;
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOf(' ');
            yield return space < 0
                ? new DockerInstruction(whole.ToUpperInvariant(), string.Empty)
                : new DockerInstruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim());
        }
    }
}

/// <summary>One build stage: its base image, its name (AS ...) and its instructions.</summary>
internal sealed record DockerStage(string From, string? Name, List<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string name) => Instructions.Where(i => i.Name == name);

    public DockerInstruction? Last(string name) => Instructions.LastOrDefault(i => i.Name == name);

    /// <summary>ENV of this stage, in either form (<c>K=V K2=V2</c> or <c>K V</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in All("ENV"))
        {
            var words = env.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!words[0].Contains('=', StringComparison.Ordinal))
            {
                values[words[0]] = string.Join(' ', words.Skip(1));
                continue;
            }

            foreach (var word in words)
            {
                var pair = word.Split('=', 2);
                values[pair[0]] = pair[1].Trim('"');
            }
        }

        return values;
    }
}

/// <summary>An instruction: its name (upper case) and the rest of its line(s).</summary>
internal sealed record DockerInstruction(string Name, string Arguments)
{
    /// <summary>The arguments of an exec-form instruction (a JSON array), e.g. ENTRYPOINT ["dotnet", "x.dll"].</summary>
    public string[] ExecForm()
    {
        Assert.True(Arguments.StartsWith('['), $"{Name} {Arguments} is not in exec form: a shell would be PID 1 and keep SIGTERM from the silo.");
        return JsonSerializer.Deserialize<string[]>(Arguments) ?? throw new Xunit.Sdk.XunitException($"{Name} {Arguments} is not in exec form.");
    }

    /// <summary>Options (<c>--from=build</c>) and the remaining words of a COPY.</summary>
    public (IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Paths) CopyParts()
    {
        var words = Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
            .Select(w => w[2..].Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
        return (options, words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList());
    }
}
