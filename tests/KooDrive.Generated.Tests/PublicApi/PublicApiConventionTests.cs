using System.Xml.Linq;
using KooDrive.ApiSurface.Generation;
using Microsoft.CodeAnalysis;

namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>Conventions every public type and member of KooDrive.Generated follows, generated or handwritten.</summary>
public class PublicApiConventionTests
{
    /// <summary>
    /// Generated members whose documentation must come from a description the spec does not have yet. NSwag
    /// turns spec descriptions into XML docs; the fix is a <c>description</c> in spec/openapi.yaml (named
    /// with each entry), after which the entry must go: a stale entry fails
    /// <see cref="The_documentation_allow_list_has_no_stale_entries"/>.
    /// </summary>
    private static readonly Dictionary<string, string> SpecDescriptionGaps = new(StringComparer.Ordinal)
    {
        // Empty: every generated member has a spec description. Add "doc-id" = "spec element to describe" only
        // for a member whose description cannot be written yet; a stale entry fails the next test.
    };

    [Fact]
    public void Every_client_class_has_an_interface_with_the_same_methods() =>
        AssertNone(ApiConventions.ClientInterfaceMismatches(BuiltAssembly.Assembly));

    [Fact]
    public void Every_public_async_method_ends_with_an_optional_cancellation_token() =>
        AssertNone(ApiConventions.AsyncMethodsWithoutCancellation(BuiltAssembly.Assembly));

    [Fact]
    public void Every_public_type_and_member_has_XML_documentation()
    {
        var undocumented = ApiConventions.Undocumented(BuiltAssembly.Assembly, BuiltAssembly.Documentation())
            .Where(id => !SpecDescriptionGaps.ContainsKey(id));

        AssertNone(undocumented, "Generated members get their docs from spec descriptions, NSwag's own members from generator/Templates; handwritten members need /// comments.");
    }

    [Fact]
    public void The_documentation_allow_list_has_no_stale_entries()
    {
        var undocumented = ApiConventions.Undocumented(BuiltAssembly.Assembly, BuiltAssembly.Documentation()).ToHashSet();

        AssertNone(SpecDescriptionGaps.Keys.Where(id => !undocumented.Contains(id)), "These are documented now; remove them from SpecDescriptionGaps.");
    }

    [Fact]
    public void No_public_signature_exposes_a_type_consumers_should_not_depend_on() =>
        AssertNone(ApiConventions.ForeignTypeExposures(BuiltAssembly.Assembly));

    // The conventions must be able to fail: each one on a small assembly that breaks it.
    private const string BadSample = """
        using System.Threading;
        using System.Threading.Tasks;

        namespace Bad
        {
            /// <summary>Contract.</summary>
            public interface IThingClient
            {
                /// <summary>Gets.</summary>
                /// <param name="cancellationToken">Token.</param>
                /// <returns>Nothing.</returns>
                Task GetAsync(CancellationToken cancellationToken = default);
            }

            /// <summary>Client.</summary>
            public class ThingClient : IThingClient
            {
                /// <inheritdoc/>
                public Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                /// <summary>Extra.</summary>
                /// <param name="id">Id.</param>
                /// <returns>Nothing.</returns>
                public Task ExtraAsync(int id) => Task.CompletedTask;

                /// <inheritdoc/>
                public override string ToString() => "";
            }

            public class LoneClient { }

            /// <summary>Holder.</summary>
            public class Holder
            {
                /// <summary>Raw JSON.</summary>
                public Newtonsoft.Json.Linq.JObject? Raw { get; set; }

                /// <summary>Allowed: the clients' serializer settings.</summary>
                public Newtonsoft.Json.JsonSerializerSettings? Settings { get; set; }

                /// <summary>Tasks.</summary>
                public System.Collections.Generic.List<Task<Newtonsoft.Json.Linq.JToken>> Pending { get; } = [];

                public int Undocumented;

                /// <summary>Half documented.</summary>
                /// <param name="documented">Yes.</param>
                public void Method(int documented, int forgotten) { }
            }

            /// <summary>A converter may use Newtonsoft's converter contract.</summary>
            public sealed class IdConverter : Newtonsoft.Json.JsonConverter
            {
                /// <inheritdoc/>
                public override bool CanConvert(System.Type objectType) => false;

                /// <inheritdoc/>
                public override object? ReadJson(Newtonsoft.Json.JsonReader reader, System.Type objectType, object? existingValue, Newtonsoft.Json.JsonSerializer serializer) => null;

                /// <inheritdoc/>
                public override void WriteJson(Newtonsoft.Json.JsonWriter writer, object? value, Newtonsoft.Json.JsonSerializer serializer) { }
            }
        }
        """;

    private static readonly Lazy<(IAssemblySymbol Assembly, XDocument Documentation)> Bad = new(() =>
    {
        var compilation = ClientCompiler.Compile(BadSample, "Bad", "Bad.cs");
        Assert.True(compilation.Image is not null, compilation.DescribeDiagnostics());
        return (ClientCompiler.LoadAssembly(compilation), XDocument.Parse(compilation.XmlDocumentation!));
    });

    [Fact]
    public void The_client_convention_finds_missing_interfaces_extra_methods_and_different_defaults() =>
        Assert.Equal(
            [
                "Bad.ThingClient.GetAsync(System.Threading.CancellationToken) and Bad.IThingClient.GetAsync(System.Threading.CancellationToken) differ in the default values of: cancellationToken.",
                "Bad.ThingClient.ExtraAsync(int) is public but not on Bad.IThingClient.",
                "Bad.LoneClient has no public interface Bad.ILoneClient.",
            ],
            ApiConventions.ClientInterfaceMismatches(Bad.Value.Assembly));

    [Fact]
    public void The_cancellation_convention_finds_async_methods_without_an_optional_token() =>
        Assert.Equal(
            [
                "Bad.ThingClient.GetAsync(System.Threading.CancellationToken) must end with `CancellationToken cancellationToken = default`.",
                "Bad.ThingClient.ExtraAsync(int) must end with `CancellationToken cancellationToken = default`.",
            ],
            ApiConventions.AsyncMethodsWithoutCancellation(Bad.Value.Assembly));

    [Fact]
    public void The_documentation_convention_finds_undocumented_members_and_parameters() =>
        Assert.Equal(
            ["T:Bad.LoneClient", "F:Bad.Holder.Undocumented", "M:Bad.Holder.Method(System.Int32,System.Int32)#forgotten"],
            ApiConventions.Undocumented(Bad.Value.Assembly, Bad.Value.Documentation));

    [Fact]
    public void The_exposure_convention_finds_foreign_types_but_allows_the_serializer_settings_and_converter_contract()
    {
        var exposures = ApiConventions.ForeignTypeExposures(Bad.Value.Assembly);

        Assert.Equal(2, exposures.Count);
        Assert.StartsWith("Bad.Holder.Pending exposes Newtonsoft.Json.Linq.JToken from Newtonsoft.Json", exposures[0], StringComparison.Ordinal);
        Assert.StartsWith("Bad.Holder.Raw exposes Newtonsoft.Json.Linq.JObject from Newtonsoft.Json", exposures[1], StringComparison.Ordinal);
    }

    private static void AssertNone(IEnumerable<string> offenders, string? hint = null)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{list.Count} offender(s):\n  {string.Join("\n  ", list)}{(hint is null ? string.Empty : "\n" + hint)}");
    }
}
