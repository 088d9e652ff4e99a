using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Tests.Surface;

/// <summary>Each rule of the classifier on listing lines as the printer writes them.</summary>
public class SurfaceClassifierTests
{
    private const string Model = "Api.Model: public class";
    private const string Client = "Api.IClient: public interface";
    private const string Optional = "[Newtonsoft.Json.JsonProperty(\"name\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public string? { get; set; }";
    private const string Required = "[Newtonsoft.Json.JsonProperty(\"name\", Required = Newtonsoft.Json.Required.Always)] [System.ComponentModel.DataAnnotations.Required] public string { get; set; }";

    [Fact]
    public void Equal_listings_have_no_changes() =>
        Assert.Empty(SurfaceClassifier.Classify([Model, "Api.Model.Name: " + Optional], [Model, "Api.Model.Name: " + Optional]));

    [Fact]
    public void A_removed_member_is_breaking() =>
        AssertSingle([Model, "Api.Model.Name: " + Optional], [Model], ChangeKind.Breaking, "Api.Model.Name", "removed");

    [Fact]
    public void A_changed_property_type_is_breaking() =>
        AssertSingle(
            [Model, "Api.Model.Created: public string? { get; set; }"],
            [Model, "Api.Model.Created: public System.DateTimeOffset? { get; set; }"],
            ChangeKind.Breaking, "Api.Model.Created", "type changed: `string?` → `System.DateTimeOffset?`");

    [Fact]
    public void A_new_optional_property_is_additive() =>
        AssertSingle([Model], [Model, "Api.Model.Name: " + Optional], ChangeKind.Additive, "Api.Model.Name", "added");

    [Fact]
    public void A_new_required_property_on_an_existing_type_is_breaking() =>
        AssertSingle([Model], [Model, "Api.Model.Name: " + Required], ChangeKind.Breaking, "Api.Model.Name", "new required member: code that creates Model must now set it");

    [Fact]
    public void A_property_that_becomes_required_is_breaking_and_the_reverse_is_additive()
    {
        var optional = "Api.Model.Name: [Newtonsoft.Json.JsonProperty(\"name\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public string { get; set; }";
        var required = "Api.Model.Name: [Newtonsoft.Json.JsonProperty(\"name\", Required = Newtonsoft.Json.Required.Always)] [System.ComponentModel.DataAnnotations.Required] public string { get; set; }";

        AssertSingle([Model, optional], [Model, required], ChangeKind.Breaking, "Api.Model.Name", "became required");
        AssertSingle([Model, required], [Model, optional], ChangeKind.Additive, "Api.Model.Name", "no longer required");
    }

    [Fact]
    public void A_changed_JSON_name_is_breaking() =>
        AssertSingle([Model, "Api.Model.Name: " + Optional], [Model, "Api.Model.Name: " + Optional.Replace("\"name\"", "\"title\"", StringComparison.Ordinal)],
            ChangeKind.Breaking, "Api.Model.Name", "JSON name changed: \"name\" → \"title\"");

    [Fact]
    public void A_new_operation_is_additive_on_the_client_and_on_its_interface()
    {
        string[] before = [Client, "Api.Client: public class : Api.IClient"];
        string[] after = [.. before, "Api.Client.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default): public virtual System.Threading.Tasks.Task<Api.Model>", "Api.IClient.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task<Api.Model>"];

        var changes = SurfaceClassifier.Classify(before, after);

        Assert.All(changes, c => Assert.Equal(ChangeKind.Additive, c.Kind));
        Assert.Equal(["added", "new interface member (an implementation outside the SDK must add it)"], changes.Select(c => c.Reason));
    }

    [Fact]
    public void A_new_abstract_member_is_breaking() =>
        AssertSingle(["Api.Base: public abstract class"], ["Api.Base: public abstract class", "Api.Base.Run(): public abstract void"],
            ChangeKind.Breaking, "Api.Base.Run()", "new abstract member: classes deriving from the type must implement it");

    [Fact]
    public void A_new_required_parameter_is_breaking_and_names_the_parameter() =>
        AssertSingle(
            [Client, "Api.IClient.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task"],
            [Client, "Api.IClient.GetAsync(string id, string region, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task"],
            ChangeKind.Breaking, "Api.IClient.GetAsync", "new required parameter `string region`");

    [Fact]
    public void A_new_optional_parameter_is_breaking_for_compiled_callers() =>
        AssertSingle(
            [Client, "Api.IClient.GetAsync(string id): public System.Threading.Tasks.Task"],
            [Client, "Api.IClient.GetAsync(string id, string? region = null): public System.Threading.Tasks.Task"],
            ChangeKind.Breaking, "Api.IClient.GetAsync", "new optional parameter `string? region = null` (code compiled against the old signature fails to bind until rebuilt)");

    [Fact]
    public void A_changed_return_type_is_breaking() =>
        AssertSingle(
            [Client, "Api.IClient.GetAsync(string id): public System.Threading.Tasks.Task<Api.A>"],
            [Client, "Api.IClient.GetAsync(string id): public System.Threading.Tasks.Task<Api.B>"],
            ChangeKind.Breaking, "Api.IClient.GetAsync(string id)", "return type changed: `System.Threading.Tasks.Task<Api.A>` → `System.Threading.Tasks.Task<Api.B>`");

    [Fact]
    public void A_narrowed_enum_is_breaking_and_a_new_enum_value_is_additive()
    {
        string[] wide = ["Api.Code: public enum : int", "Api.Code.A: [System.Runtime.Serialization.EnumMember(Value = \"100\")] = 0", "Api.Code.B: [System.Runtime.Serialization.EnumMember(Value = \"101\")] = 1"];
        string[] narrow = wide[..2];

        AssertSingle(wide, narrow, ChangeKind.Breaking, "Api.Code.B", "enum value removed (the enum narrowed)");
        AssertSingle(narrow, wide, ChangeKind.Additive, "Api.Code.B", "new enum value");
    }

    [Fact]
    public void A_changed_enum_wire_value_is_breaking()
    {
        var change = Assert.Single(SurfaceClassifier.Classify(
            ["Api.Code: public enum : int", "Api.Code.A: [System.Runtime.Serialization.EnumMember(Value = \"100\")] = 0"],
            ["Api.Code: public enum : int", "Api.Code.A: [System.Runtime.Serialization.EnumMember(Value = \"200\")] = 0"]));

        Assert.Equal(ChangeKind.Breaking, change.Kind);
        Assert.StartsWith("value changed:", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_type_is_one_breaking_change_and_a_new_type_one_additive_change()
    {
        string[] type = ["Api.Gone: public class", "Api.Gone.Gone(): public", "Api.Gone.Name: " + Required];

        AssertSingle([Model, .. type], [Model], ChangeKind.Breaking, "Api.Gone", "type removed, with its 2 members");
        AssertSingle([Model], [Model, .. type], ChangeKind.Additive, "Api.Gone", "new type, with 2 members");
    }

    [Fact]
    public void A_renamed_member_is_a_breaking_removal_plus_an_addition()
    {
        var changes = SurfaceClassifier.Classify([Model, "Api.Model.Name: " + Optional], [Model, "Api.Model.Title: " + Optional]);

        Assert.Equal([(ChangeKind.Breaking, "Api.Model.Name", "removed"), (ChangeKind.Additive, "Api.Model.Title", "added")], changes.Select(c => (c.Kind, c.Member, c.Reason)));
    }

    [Theory]
    [InlineData("[System.ComponentModel.DataAnnotations.MaxLength(100)]", "[System.ComponentModel.DataAnnotations.MaxLength(200)]", ChangeKind.Additive)]
    [InlineData("[System.ComponentModel.DataAnnotations.MaxLength(100)]", "[System.ComponentModel.DataAnnotations.MaxLength(50)]", ChangeKind.Breaking)]
    [InlineData("[System.ComponentModel.DataAnnotations.MinLength(2)]", "[System.ComponentModel.DataAnnotations.MinLength(1)]", ChangeKind.Additive)]
    [InlineData("[System.ComponentModel.DataAnnotations.StringLength(10)]", "", ChangeKind.Additive)]
    [InlineData("", "[System.ComponentModel.DataAnnotations.RegularExpression(\"^a$\")]", ChangeKind.Breaking)]
    [InlineData("", "[System.Obsolete(\"Use Title.\")]", ChangeKind.Additive)]
    [InlineData("[Newtonsoft.Json.JsonConverter(typeof(X))]", "", ChangeKind.Breaking)]
    public void Constraints_that_allow_more_are_additive_and_any_other_attribute_change_is_breaking(string before, string after, ChangeKind expected)
    {
        var change = Assert.Single(SurfaceClassifier.Classify(
            [Model, $"Api.Model.Name: {before} public string? {{ get; set; }}".Replace(":  ", ": ", StringComparison.Ordinal)],
            [Model, $"Api.Model.Name: {after} public string? {{ get; set; }}".Replace(":  ", ": ", StringComparison.Ordinal)]));

        Assert.Equal(expected, change.Kind);
    }

    [Fact]
    public void A_lost_setter_is_breaking_and_a_new_setter_additive()
    {
        AssertSingle([Model, "Api.Model.Id: public string { get; set; }"], [Model, "Api.Model.Id: public string { get; }"], ChangeKind.Breaking, "Api.Model.Id", "accessor removed: set");
        AssertSingle([Model, "Api.Model.Id: public string { get; }"], [Model, "Api.Model.Id: public string { get; set; }"], ChangeKind.Additive, "Api.Model.Id", "accessor added: set");
    }

    [Fact]
    public void A_type_gaining_an_interface_is_additive_and_losing_its_base_breaking()
    {
        AssertSingle(["Api.A: public class : Api.Base"], ["Api.A: public class : Api.Base, System.IDisposable"], ChangeKind.Additive, "Api.A", "now implements `System.IDisposable`");
        AssertSingle(["Api.A: public class : Api.Base"], ["Api.A: public class"], ChangeKind.Breaking, "Api.A", "no longer derives from or implements `Api.Base`");
        AssertSingle(["Api.A: public class"], ["Api.A: public sealed class"], ChangeKind.Breaking, "Api.A", "now sealed");
    }

    [Fact]
    public void Operator_and_generic_lines_are_parsed_by_their_member_not_their_symbols()
    {
        var less = SurfaceLine.Parse("Api.Id.operator <(Api.Id left, Api.Id right): public static bool");
        var generic = SurfaceLine.Parse("Api.Outcome<TInput, TResult>.Items: public System.Collections.Generic.IReadOnlyList<TResult> { get; }");
        var conversion = SurfaceLine.Parse("Api.Id.explicit operator Api.Id(string value): public static");

        Assert.Equal(("Api.Id", "Api.Id left, Api.Id right", "public static bool"), (less.Parent, less.Parameters, less.Signature));
        Assert.Equal(("Api.Outcome<TInput, TResult>", "Api.Outcome<TInput, TResult>.Items"), (generic.Parent, generic.Path));
        Assert.Equal("Api.Id", conversion.Parent);
        Assert.True(SurfaceLine.Parse("Api.Outcome<TInput, TResult>: public sealed class where TResult : class").IsType);
        Assert.False(generic.IsType);
    }

    private static void AssertSingle(string[] before, string[] after, ChangeKind kind, string member, string reason)
    {
        var change = Assert.Single(SurfaceClassifier.Classify(before, after));
        Assert.Equal((kind, member, reason), (change.Kind, change.Member, change.Reason));
    }
}
