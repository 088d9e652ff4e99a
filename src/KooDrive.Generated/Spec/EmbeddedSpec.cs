using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Spec;

/// <summary>
/// The OpenAPI document this client was generated from, embedded in the assembly at build time.
/// </summary>
/// <remarks>
/// NSwag writes the document it read from <c>spec/openapi.yaml</c> as JSON next to the generated client
/// (<c>generator/nswag.json</c>, document output), and the project embeds that file. Validation and the
/// ID reader take their rules from it, so they come from the same parse of the spec as the generated code
/// and move when the spec moves.
/// </remarks>
internal static class EmbeddedSpec
{
    internal const string ResourceName = "KooDrive.Generated.openapi.json";

    private static readonly Lazy<SpecRules> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SpecRules Rules => Loaded.Value;

    private static SpecRules Load()
    {
        using var stream = typeof(EmbeddedSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded spec '{ResourceName}' is missing from {typeof(EmbeddedSpec).Assembly.GetName().Name}; the assembly was built without it.");
        using var text = new StreamReader(stream);
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return SpecRules.Load(JObject.Load(json));
    }
}
