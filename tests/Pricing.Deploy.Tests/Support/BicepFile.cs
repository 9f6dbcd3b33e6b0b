using System.Text;
using System.Text.RegularExpressions;

namespace Pricing.Deploy.Tests.Support;

/// <summary>
/// A Bicep file read as text: no bicep CLI runs on these machines (neither the az CLI nor a NuGet
/// or npm package of it is reachable), so tests look at declarations and references.
/// </summary>
internal sealed partial class BicepFile
{
    private BicepFile(string text)
    {
        Text = text;
        Code = StripComments(text);
        Parameters = ParameterDeclaration().Matches(Code).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success ? m.Groups["default"].Value.Trim() : null, StringComparer.Ordinal);
    }

    public string Text { get; }

    /// <summary>The text without comments and without @description(...) decorators.</summary>
    public string Code { get; }

    /// <summary>Declared parameters and their default (null: required).</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; }

    public static BicepFile Load(params string[] path) => new(Repository.Read(path));

    /// <summary>How often an identifier occurs in the code, declaration included.</summary>
    public int Occurrences(string identifier) => Regex.Count(Code, $@"(?<![\w.']){Regex.Escape(identifier)}(?![\w'])");

    /// <summary>The block that follows the first match of <paramref name="opening"/> (which must end at its '{' or '['), brackets balanced.</summary>
    public string Block(string opening)
    {
        var match = Regex.Match(Code, opening);
        Assert.True(match.Success, $"no '{opening}' in the Bicep file");
        var open = Code[match.Index + match.Length - 1];
        var close = open == '{' ? '}' : ']';
        var depth = 0;
        for (var i = match.Index + match.Length - 1; i < Code.Length; i++)
        {
            depth += Code[i] == open ? 1 : Code[i] == close ? -1 : 0;
            if (depth == 0)
            {
                return Code[match.Index..(i + 1)];
            }
        }

        throw new Xunit.Sdk.XunitException($"'{opening}' is never closed");
    }

    private static string StripComments(string text)
    {
        var code = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("@description(", StringComparison.Ordinal))
            {
                continue;
            }

            var comment = trimmed.IndexOf(" //", StringComparison.Ordinal);
            code.AppendLine(comment < 0 ? line : line[..line.IndexOf(" //", StringComparison.Ordinal)]);
        }

        return code.ToString();
    }

    [GeneratedRegex(@"^param (?<name>\w+) \w+(?: = (?<default>.+))?$", RegexOptions.Multiline)]
    private static partial Regex ParameterDeclaration();
}
