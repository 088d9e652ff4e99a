using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>The serializer settings of the generated clients (applied in <c>UpdateJsonSerializerSettings</c>).</summary>
internal static class KooDriveJsonSettings
{
    public static void Apply(JsonSerializerSettings settings)
    {
        settings.ContractResolver = KooDriveContractResolver.Instance;

        // Strings stay strings (createTime round-trips unchanged). IDs and string members are read from the raw
        // text (ModelConverter), so no number the SDK keeps exactly is parsed; any other number is a double, whose
        // range no JSON number a service sends can overflow (decimal's can).
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Double;

        // A tolerant reader: unknown members land in AdditionalProperties, '$'-names are ordinary members.
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        settings.TypeNameHandling = TypeNameHandling.None;
    }

    public static JsonSerializerSettings Create()
    {
        var settings = new JsonSerializerSettings();
        Apply(settings);
        return settings;
    }
}
