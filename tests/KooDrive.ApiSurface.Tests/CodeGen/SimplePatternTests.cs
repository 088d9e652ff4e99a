using System.Text.RegularExpressions;
using KooDrive.CodeGen;
using YamlDotNet.RepresentationModel;

namespace KooDrive.ApiSurface.Tests.CodeGen;

/// <summary>
/// A pattern the generator checks without a regex engine accepts exactly what the regex it replaces accepts:
/// every pattern of the spec, on every short string over the characters that matter and on long random ones.
/// </summary>
public class SimplePatternTests
{
    private static readonly char[] Alphabet = ['a', 'Z', '0', '9', '_', '-', ' ', '\t', '/', '\\', '.', '$', ',', '1', '2', '@', '~', '\u007f', '\u00e9', '\n', '\0', '\uD800'];

    public static TheoryData<string> SpecPatterns()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(RepoPaths.Spec))
        {
            yaml.Load(reader);
        }

        var patterns = new SortedSet<string>(StringComparer.Ordinal);
        Collect(yaml.Documents[0].RootNode, patterns);
        var data = new TheoryData<string>();
        foreach (var pattern in patterns)
        {
            data.Add(pattern);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecPatterns))]
    public void A_simple_spec_pattern_accepts_exactly_what_its_regex_accepts(string pattern)
    {
        if (SimplePattern.TryParse(pattern) is not { } simple)
        {
            return; // Stays a regex in the generated code.
        }

        var regex = new Regex(EcmaPattern.ForDotNet(pattern), RegexOptions.CultureInvariant);
        foreach (var value in Corpus())
        {
            Assert.True(regex.IsMatch(value) == simple.IsMatch(value), $"'{pattern}' on \"{Regex.Escape(value)}\": regex {regex.IsMatch(value)}, simple {simple.IsMatch(value)}");
        }
    }

    [Theory]
    [InlineData("^(?:$|/[^\\\\]*$)")]
    [InlineData("^[a-zA-Z0-9_]{1,64}$")]
    public void The_patterns_a_request_checks_most_often_need_no_regex_engine(string pattern) =>
        Assert.NotNull(SimplePattern.TryParse(pattern));

    [Theory]
    [InlineData("^(?!\\.{1,2}$)[^/]+$")]
    [InlineData("^[\\x21-\\x7E](?:[\\x20-\\x7E]*[\\x21-\\x7E])?$")]
    [InlineData("^[a-z]*a$")]
    [InlineData("^[a-zA-Z0-9_\\s]{1,32}$")]
    [InlineData("^a+?$")]
    public void A_pattern_that_needs_lookaround_backtracking_or_a_shorthand_class_stays_a_regex(string pattern) =>
        Assert.Null(SimplePattern.TryParse(pattern));

    private static IEnumerable<string> Corpus()
    {
        yield return string.Empty;
        foreach (var a in Alphabet)
        {
            yield return a.ToString();
            foreach (var b in Alphabet)
            {
                yield return string.Concat(a, b);
                foreach (var c in Alphabet)
                {
                    yield return string.Concat(a, b, c);
                }
            }
        }

        var random = new Random(20261129);
        for (var n = 0; n < 2000; n++)
        {
            var length = random.Next(0, 80);
            yield return new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            yield return "/" + new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).Where(ch => ch != '\\')]);
            yield return new string([.. Enumerable.Range(0, length).Select(_ => "abcXYZ019_"[random.Next(10)])]);
        }
    }

    private static void Collect(YamlNode node, SortedSet<string> patterns)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: "pattern" } && value is YamlScalarNode { Value: { } pattern })
                    {
                        patterns.Add(pattern);
                    }

                    Collect(value, patterns);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Collect(item, patterns);
                }

                break;
        }
    }
}
