using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Tests.Surface;

public class PublicApiPrinterTests
{
    private const string Sample = """
        #pragma warning disable CS1591, CS0067, CS0169, CS0649
        using System;
        using System.ComponentModel.DataAnnotations;
        using System.Runtime.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Newtonsoft.Json;

        namespace Sample
        {
            [System.CodeDom.Compiler.GeneratedCode("NSwag", "14.7.1.0 (NJsonSchema v11.6.1.0)")]
            public partial class Dto : IDisposable, IComparable
            {
                [JsonProperty("name", Required = Required.Always, NullValueHandling = NullValueHandling.Ignore)]
                [Required, StringLength(10, MinimumLength = 2), RegularExpression(@"^a\d$")]
                public string Name { get; set; } = "";

                [Obsolete("Use Name.")]
                [MaxLength(5), MinLength(1), Range(1, 9)]
                public string? Nick { get; protected set; }

                public int Count { get; private set; }
                public string InitOnly { get; init; } = "";
                public required string Must { get; set; }
                internal string Hidden { get; set; } = "";
                protected string Guarded = "";
                private protected string Invisible = "";
                protected internal string Friend = "";
                public const int Max = 5;
                public static readonly string Shared = "x";
                public event EventHandler? Changed;
                public string this[int index] => "";
                public int CompareTo(object? other) => 0;
                public void Dispose() { }

                public async Task<string?> FetchAsync(string id, int? limit = null, Color color = Color.Red, string mode = "fast", CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    return null;
                }

                public void Refs(ref int a, out int b, in int c, params string[] rest) { b = 0; }
                public void Defaults(Color? maybe = Color.Green, Color odd = (Color)8, double ratio = 0.5, char mark = '"') { }
                public T Pick<T>(T value) where T : class, IComparable, new() => value;
                public static Dto operator +(Dto left, Dto right) => left;
                public static explicit operator int(Dto value) => 0;
                public class Nested { }
                internal class InternalNested { }
            }

            public sealed class Sealed
            {
                protected void NotVisible() { }
                public override string ToString() => "";
            }

            internal class Internal { public void Nope() { } }

            [Flags]
            public enum Color : long
            {
                [EnumMember(Value = "red")] Red = 1,
                Green = 2,
            }

            public static class Extensions
            {
                public static string Shout(this string value) => value;
            }

            public abstract class Base<TItem> where TItem : struct
            {
                protected abstract TItem Make();
                public virtual void Hook() { }
            }

            public record Point(int X, int Y);

            public readonly struct Pair
            {
                public int Left { get; }
            }

            public interface IRead<out T>
            {
                T Read();
                string? Name { get; }
            }

            public delegate void Handler(object sender, string? message);
        }

        namespace Sample.Legacy
        {
        #nullable disable
            public class Old
            {
                public string Text { get; set; }
                public int Number { get; set; }
            }
        #nullable restore
        }
        """;

    private static readonly Lazy<IReadOnlyList<string>> SampleSurface = new(() => Compiled.Surface(Sample));

    [Theory]
    [InlineData("Sample.Dto: public class : System.IComparable, System.IDisposable")]
    [InlineData("Sample.Base<TItem>: public abstract class where TItem : struct")]
    [InlineData("Sample.Sealed: public sealed class")]
    [InlineData("Sample.Extensions: public static class")]
    [InlineData("Sample.Pair: public readonly struct")]
    [InlineData("Sample.IRead<out T>: public interface")]
    [InlineData("Sample.Point: public record class : System.IEquatable<Sample.Point>")]
    [InlineData("Sample.Color: [System.Flags] public enum : long")]
    [InlineData("Sample.Handler(object sender, string? message): public delegate void")]
    public void Types_show_kind_modifiers_base_types_interfaces_and_constraints(string expected) =>
        Assert.Contains(expected, SampleSurface.Value);

    [Theory]
    [InlineData("Sample.Dto.FetchAsync(string id, int? limit = null, Sample.Color color = Sample.Color.Red, string mode = \"fast\", System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task<string?>")]
    [InlineData("Sample.Dto.Refs(ref int a, out int b, in int c, params string[] rest): public void")]
    [InlineData("Sample.Dto.Defaults(Sample.Color? maybe = Sample.Color.Green, Sample.Color odd = (Sample.Color)8, double ratio = 0.5, char mark = '\"'): public void")]
    [InlineData("Sample.Dto.Pick<T>(T value): public T where T : class, System.IComparable, new()")]
    [InlineData("Sample.Dto.operator +(Sample.Dto left, Sample.Dto right): public static Sample.Dto")]
    [InlineData("Sample.Dto.explicit operator int(Sample.Dto value): public static")]
    [InlineData("Sample.Dto.this[int index]: public string { get; }")]
    [InlineData("Sample.Dto.Changed: public event System.EventHandler?")]
    [InlineData("Sample.Dto.Max: public const int = 5")]
    [InlineData("Sample.Dto.Shared: public static readonly string")]
    [InlineData("Sample.Extensions.Shout(this string value): public static string")]
    [InlineData("Sample.Base<TItem>.Make(): protected abstract TItem")]
    [InlineData("Sample.Base<TItem>.Hook(): public virtual void")]
    [InlineData("Sample.Sealed.ToString(): public override string")]
    [InlineData("Sample.IRead<T>.Read(): public T")]
    public void Members_show_full_signatures_with_nullability_and_default_values(string expected) =>
        Assert.Contains(expected, SampleSurface.Value);

    [Theory]
    [InlineData("Sample.Dto.Count: public int { get; }")]
    [InlineData("Sample.Dto.Nick: [System.ComponentModel.DataAnnotations.MaxLength(5)] [System.ComponentModel.DataAnnotations.MinLength(1)] [System.ComponentModel.DataAnnotations.Range(1, 9)] [System.Obsolete(\"Use Name.\")] public string? { get; protected set; }")]
    [InlineData("Sample.Dto.InitOnly: public string { get; init; }")]
    [InlineData("Sample.Dto.Must: public required string { get; set; }")]
    public void Properties_show_only_the_accessors_a_consumer_can_call(string expected) =>
        Assert.Contains(expected, SampleSurface.Value);

    [Fact]
    public void Consumer_relevant_attributes_are_shown_with_named_arguments_sorted_and_versions_stripped()
    {
        Assert.Contains(
            "Sample.Dto.Name: [Newtonsoft.Json.JsonProperty(\"name\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Always)] [System.ComponentModel.DataAnnotations.RegularExpression(\"^a\\\\d$\")] [System.ComponentModel.DataAnnotations.Required] [System.ComponentModel.DataAnnotations.StringLength(10, MinimumLength = 2)] public string { get; set; }",
            SampleSurface.Value);
        Assert.Contains("Sample.Color.Red: [System.Runtime.Serialization.EnumMember(Value = \"red\")] = 1", SampleSurface.Value);
        Assert.DoesNotContain(SampleSurface.Value, l => l.Contains("GeneratedCode", StringComparison.Ordinal) || l.Contains("14.7.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Compiler_noise_is_left_out()
    {
        var noise = new[] { "Nullable", "CompilerGenerated", "AsyncStateMachine", "DebuggerStepThrough", "k__BackingField", "<Clone>$", "RefSafetyRules" };
        Assert.DoesNotContain(SampleSurface.Value, l => noise.Any(n => l.Contains(n, StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_what_a_consumer_can_reach_is_listed()
    {
        var names = SampleSurface.Value.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();

        Assert.Contains("Sample.Dto.Guarded", names);
        Assert.Contains("Sample.Dto.Friend", names);
        Assert.Contains("Sample.Dto.Nested", names);
        Assert.DoesNotContain("Sample.Dto.Hidden", names);
        Assert.DoesNotContain("Sample.Dto.Invisible", names);
        Assert.DoesNotContain("Sample.Dto.InternalNested", names);
        Assert.DoesNotContain("Sample.Internal", names);
        Assert.DoesNotContain("Sample.Sealed.NotVisible()", names);
    }

    [Fact]
    public void A_reference_type_compiled_without_nullable_context_is_marked_oblivious()
    {
        Assert.Contains("Sample.Legacy.Old.Text: public string { get; set; } [nullable-oblivious]", SampleSurface.Value);
        Assert.Contains("Sample.Legacy.Old.Number: public int { get; set; }", SampleSurface.Value);
        Assert.Single(SampleSurface.Value, l => l.EndsWith("[nullable-oblivious]", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_members_a_consumer_can_call_are_listed()
    {
        Assert.Contains("Sample.Point.Point(int X, int Y): public", SampleSurface.Value);
        Assert.Contains("Sample.Point.Deconstruct(out int X, out int Y): public void", SampleSurface.Value);
        Assert.Contains("Sample.Point.operator ==(Sample.Point? left, Sample.Point? right): public static bool", SampleSurface.Value);
        Assert.Contains("Sample.Point.EqualityContract: protected virtual System.Type { get; }", SampleSurface.Value);
    }

    [Fact]
    public void Each_type_line_comes_first_then_its_members_sorted_then_nested_types()
    {
        var lines = SampleSurface.Value;
        var dto = lines.ToList().FindIndex(l => l.StartsWith("Sample.Dto:", StringComparison.Ordinal));
        var nested = lines.ToList().FindIndex(l => l.StartsWith("Sample.Dto.Nested:", StringComparison.Ordinal));
        var members = lines.Skip(dto + 1).Take(nested - dto - 1).ToList();

        Assert.All(members, l => Assert.StartsWith("Sample.Dto.", l, StringComparison.Ordinal));
        Assert.Equal(members.Order(StringComparer.Ordinal), members);
        Assert.Equal("Sample.Dto.Nested.Nested(): public", lines[nested + 1]);
    }

    [Fact]
    public void Printing_is_deterministic_across_compilations()
    {
        var again = Compiled.Surface(Sample);

        Assert.Equal(SampleSurface.Value, again);
        Assert.Equal(again.Count, again.Distinct().Count());
    }

    [Fact]
    public void Text_round_trips_through_LF_lines_with_a_final_newline()
    {
        var text = PublicApiPrinter.ToText(SampleSurface.Value);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal(SampleSurface.Value, PublicApiPrinter.FromText(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }
}
