using System.Globalization;

namespace KooDrive.CodeGen;

/// <summary>
/// Emits <c>KooDriveModelIO</c>: a reader and a writer for every spec model, bound to the properties NSwag wrote.
/// They make the calls Newtonsoft's contract-based serializer would make, without its reflection, contracts or
/// dynamic accessors: the SDK's precompiled image holds them, and a process's first call compiles none of that.
/// </summary>
/// <remarks>
/// The rules themselves (exact names, duplicates, exact IDs, required members) are the runtime's
/// <c>ModelReading</c> and <c>ModelWriting</c>; this emitter decides only which step each property takes. A type it
/// has no step for goes through Newtonsoft's own conversion, so a new kind of property in the spec still works.
/// </remarks>
internal sealed class ModelIOEmitter(ClientShape client, string clientNamespace, IReadOnlyDictionary<string, Dictionary<string, string>> idKinds)
{
    private const string Reading = "global::KooDrive.Generated.Serialization.ModelReading";
    private const string Writing = "global::KooDrive.Generated.Serialization.ModelWriting";
    private const string Reader = "global::Newtonsoft.Json.JsonReader";
    private const string Writer = "global::Newtonsoft.Json.JsonWriter";
    private const string Token = "global::Newtonsoft.Json.JsonToken";
    private const string ListPrefix = "System.Collections.Generic.ICollection<";

    private readonly SortedSet<string> _enums = new(StringComparer.Ordinal);

    public void Emit(CodeWriter code)
    {
        code.Line();
        code.Open($"namespace {clientNamespace}.Serialization");
        code.Line("/// <summary>Reads and writes every spec model with the calls its contract would make, and no reflection.</summary>");
        code.Open("internal static partial class KooDriveModelIO");

        // A reader given this table hands back a declared member's name as this very instance instead of a new string
        // per member per response, as Newtonsoft's serializer does with its contract resolver's table. Filled once
        // here and only read afterwards, so readers on many threads may share it.
        code.Line("/// <summary>Every member name the models declare, for <see cref=\"global::Newtonsoft.Json.JsonTextReader.PropertyNameTable\"/>.</summary>");
        code.Line("public static global::Newtonsoft.Json.DefaultJsonNameTable Names { get; } = CreateNames();");
        code.Line();
        code.Open("private static global::Newtonsoft.Json.DefaultJsonNameTable CreateNames()");
        code.Line("var names = new global::Newtonsoft.Json.DefaultJsonNameTable();");
        foreach (var name in idKinds.Keys.SelectMany(m => client.Models[m].Properties).Select(p => p.JsonName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            code.Line($"names.Add({Lit(name)});");
        }

        code.Line("return names;");
        code.Close();
        code.Line();
        code.Line("/// <summary>Reads a model of <paramref name=\"type\"/>; the reader is on the value, as a converter's is.</summary>");
        code.Open($"public static object? Read(global::System.Type type, {Reader} reader, object? target)");
        foreach (var model in idKinds.Keys)
        {
            code.Open($"if (type == typeof({Type(model)}))");
            code.Line($"return Read{model}(reader, ({Type(model)}?)target);");
            code.Close();
        }

        code.Line("throw new global::System.ArgumentException($\"{type} is not a model of the spec.\", nameof(type));");
        code.Close();

        foreach (var model in idKinds.Keys)
        {
            code.Line();
            var members = Members(model);
            var hasExtensionData = client.Chain(model).Any(shape => shape.HasExtensionData);
            EmitReader(code, model, members, hasExtensionData);
            code.Line();
            EmitWriter(code, model, members, hasExtensionData);
        }

        foreach (var name in _enums)
        {
            code.Line();
            EmitEnum(code, client.Enums[name]);
        }

        code.Close();
        code.Close();
    }

    private void EmitReader(CodeWriter code, string model, List<Member> members, bool hasExtensionData)
    {
        code.Line($"/// <summary>Reads a <see cref=\"{Type(model)}\"/>, into <paramref name=\"target\"/> when given; null for JSON null.</summary>");
        code.Open($"public static {Type(model)}? Read{model}({Reader} reader, {Type(model)}? target)");
        code.Open($"if (!{Reading}.BeginObject(reader, {Lit(model)}))");
        code.Line("return null;");
        code.Close();
        code.Line();
        code.Line($"target ??= new {Type(model)}();");
        code.Line(Invariant($"var seen = new global::KooDrive.Generated.Serialization.SeenMembers({members.Count});"));
        code.Open($"while ({Reading}.NextMember(reader, {Lit(model)}) is {{ }} name)");
        code.Line("switch (name)");
        code.Line("{");
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            code.Line($"    case {Lit(member.Property.JsonName)}:");
            code.Line(Invariant($"        {Reading}.Once(ref seen, {i}, reader, {Lit(model)});"));
            var read = ReadExpression(member);
            // Every step but a value-type fallback reads into a nullable; a null the member cannot hold is refused.
            var readsNullable = member.Kind is not Kind.Other || member.CanBeNull;
            var refusesNull = readsNullable && (member.Property.Required is "Always" or "DisallowNull" || !member.CanBeNull);
            code.Line(refusesNull
                ? $"        target.{member.Property.Name} = {read} ?? throw {Reading}.NullRequired(reader, {Lit(member.Property.JsonName)}, {Lit(model)});"
                : $"        target.{member.Property.Name} = {read};");
            code.Line("        break;");
        }

        code.Line("    default:");
        code.Line($"        {Reading}.ReadUnknown(reader, {(hasExtensionData ? "target.AdditionalProperties" : "null")}, name);");
        code.Line("        break;");
        code.Line("}");
        code.Close();
        code.Line();
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Property.Required is "Always" or "AllowNull")
            {
                code.Line(Invariant($"{Reading}.Require(seen, {i}, reader, {Lit(members[i].Property.JsonName)});"));
            }
        }

        code.Line("return target;");
        code.Close();
    }

    private void EmitWriter(CodeWriter code, string model, List<Member> members, bool hasExtensionData)
    {
        code.Line($"/// <summary>Writes a <see cref=\"{Type(model)}\"/> as Newtonsoft's contract for it would.</summary>");
        code.Open($"public static void Write({Writer} writer, {Type(model)} value)");
        code.Line("writer.WriteStartObject();");
        var index = 0;
        foreach (var member in members)
        {
            var p = member.Property;
            var local = Invariant($"v{index++}");
            code.Open($"if (value.{p.Name} is {{ }} {local})");
            code.Line($"writer.WritePropertyName({Lit(p.JsonName)});");
            code.Line(WriteStatement(member, local));
            code.Close();
            if (!p.IgnoresNull && member.CanBeNull)
            {
                code.Open("else");
                if (p.Required is "Always" or "DisallowNull")
                {
                    code.Line($"throw {Writing}.NullRequired(writer, {Lit(p.JsonName)});");
                }
                else
                {
                    code.Line($"writer.WritePropertyName({Lit(p.JsonName)});");
                    code.Line("writer.WriteNull();");
                }

                code.Close();
            }
        }

        if (hasExtensionData)
        {
            code.Line($"{Writing}.WriteExtensionData(writer, value.AdditionalProperties);");
        }

        code.Line("writer.WriteEndObject();");
        code.Close();
    }

    private void EmitEnum(CodeWriter code, EnumShape shape)
    {
        var type = Type(shape.Name);
        code.Line($"/// <summary>Reads a <see cref=\"{type}\"/>: its wire text through a string-enum converter, its number without one; anything else as Newtonsoft converts it.</summary>");
        code.Open($"private static {type}? Read{shape.Name}({Reader} reader, bool nullable, global::Newtonsoft.Json.JsonConverter? converter)");
        code.Line($"{Reading}.Advance(reader);");
        code.Open($"if (reader.TokenType == {Token}.String && converter is global::Newtonsoft.Json.Converters.StringEnumConverter)");
        EmitSwitch(code, "(string)reader.Value!", shape.Members.Select(m => $"case {Lit(m.Wire ?? m.Name)}: return {type}.{m.Name};"));
        code.Close();
        code.Open($"else if (reader.TokenType == {Token}.Integer && converter is null && reader.Value is long number && number >= int.MinValue && number <= int.MaxValue)");
        code.Line($"return ({type})(int)number;");
        code.Close();
        code.Open($"else if (reader.TokenType == {Token}.Null && nullable)");
        code.Line("return null;");
        code.Close();
        code.Line();
        code.Line($"return ({type}?){Reading}.Convert(reader, nullable ? typeof({type}?) : typeof({type}), converter);");
        code.Close();
        code.Line();
        code.Line($"/// <summary>Writes a <see cref=\"{type}\"/>: its wire text through a string-enum converter, its number without one.</summary>");
        code.Open($"private static void Write{shape.Name}({Writer} writer, {type} value, global::Newtonsoft.Json.JsonConverter? converter)");
        code.Open("if (converter is null)");
        code.Line("writer.WriteValue((int)value);");
        code.Line("return;");
        code.Close();
        code.Line();
        code.Open("if (converter is global::Newtonsoft.Json.Converters.StringEnumConverter)");
        EmitSwitch(code, "value", shape.Members.Select(m => $"case {type}.{m.Name}: writer.WriteValue({Lit(m.Wire ?? m.Name)}); return;"));
        code.Close();
        code.Line();
        code.Line($"{Writing}.WriteOther(writer, value, converter);");
        code.Close();
    }

    private static void EmitSwitch(CodeWriter code, string on, IEnumerable<string> cases)
    {
        code.Line($"switch ({on})");
        code.Line("{");
        foreach (var line in cases)
        {
            code.Line("    " + line);
        }

        code.Line("}");
    }

    private string ReadExpression(Member member)
    {
        var p = member.Property;
        return member.Kind switch
        {
            Kind.IdScalar => "global::KooDrive.Generated.Serialization.IdReader.ReadScalar(reader)",
            Kind.IdList => $"{Reading}.ReadIdList(reader)",
            Kind.String => $"{Reading}.ReadString(reader)",
            Kind.Int32 => $"{Reading}.ReadInt32(reader, nullable: {Bool(member.Nullable)})",
            Kind.Model => $"Read{member.Item}({Reading}.Advance(reader), null)",
            Kind.ModelList => $"{Reading}.ReadModels<{Type(member.Item!)}>(reader, {Lit(member.Item!)}, {Lit("ICollection`1")}, Read{member.Item})",
            Kind.Enum => $"Read{member.Item}(reader, nullable: {Bool(member.Nullable)}, {Converter(p)})",
            _ => $"{Reading}.ReadOther<{p.Type}>(reader, {Converter(p)})",
        };
    }

    private string WriteStatement(Member member, string local)
    {
        var p = member.Property;
        return member.Kind switch
        {
            Kind.IdScalar or Kind.String => $"writer.WriteValue({local});",
            Kind.IdList => $"global::KooDrive.Generated.Serialization.IdListWriter.Write(writer, {local});",
            Kind.Int32 => $"writer.WriteValue({local});",
            Kind.Model => $"Write(writer, {local});",
            Kind.ModelList => $"{Writing}.WriteModels<{Type(member.Item!)}>(writer, {local}, Write);",
            Kind.Enum => $"Write{member.Item}(writer, {local}, {Converter(p)});",
            _ => $"{Writing}.WriteOther(writer, {local}, {Converter(p)});",
        };
    }

    /// <summary>
    /// A model's JSON properties with what each needs, in Newtonsoft's order, which the writer must keep: reflection
    /// lists a type's own properties before those it inherits.
    /// </summary>
    private List<Member> Members(string model)
    {
        var ids = idKinds[model];
        return [.. client.Chain(model).SelectMany(s => s.Properties).Select(p => Classify(p, ids.GetValueOrDefault(p.JsonName)))];
    }

    private Member Classify(ModelProperty property, string? idKind)
    {
        var nullable = property.Type.EndsWith('?');
        var type = property.Type.TrimEnd('?');
        var item = type.StartsWith(ListPrefix, StringComparison.Ordinal) && type.EndsWith('>') ? type[ListPrefix.Length..^1] : null;
        if (property.Converter is not null and not "StringEnumConverter")
        {
            throw new SpecException($"{property.Name} declares the converter {property.Converter}, which the model writer does not know; teach ModelIOEmitter and ModelReading about it.");
        }

        if (idKind == "Scalar" && type == "string")
        {
            return new Member(property, Kind.IdScalar, null, nullable, CanBeNull: true);
        }

        if (idKind == "List" && item == "string")
        {
            return new Member(property, Kind.IdList, null, nullable, CanBeNull: true);
        }

        if (idKind is not null)
        {
            throw new SpecException($"{property.Name} is marked x-koodrive-id, but NSwag typed it {property.Type}; an ID is a string or a list of strings.");
        }

        if (type == "string")
        {
            return new Member(property, Kind.String, null, nullable, CanBeNull: true);
        }

        if (type == "int")
        {
            return new Member(property, Kind.Int32, null, nullable, CanBeNull: nullable);
        }

        if (client.Models.ContainsKey(type) && idKinds.ContainsKey(type))
        {
            return new Member(property, Kind.Model, type, nullable, CanBeNull: true);
        }

        if (item is not null && client.Models.ContainsKey(item) && idKinds.ContainsKey(item))
        {
            return new Member(property, Kind.ModelList, item, nullable, CanBeNull: true);
        }

        if (client.Enums.ContainsKey(type))
        {
            _enums.Add(type);
            return new Member(property, Kind.Enum, type, nullable, CanBeNull: nullable);
        }

        // Any other type: Newtonsoft's own conversion. A value type declared without '?' is never null.
        return new Member(property, Kind.Other, null, nullable, CanBeNull: nullable || !IsValueType(type));
    }

    private static bool IsValueType(string type) => type is "bool" or "long" or "double" or "float" or "decimal" or "short" or "byte"
        || type.StartsWith("System.DateTime", StringComparison.Ordinal) || type is "System.TimeSpan" or "System.Guid";

    private static string Converter(ModelProperty property) =>
        property.Converter is null ? "null" : $"{Reading}.StringEnums";

    private string Type(string name) => $"global::{clientNamespace}.{name}";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Lit(string value) => CodeWriter.Literal(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum Kind
    {
        IdScalar,
        IdList,
        String,
        Int32,
        Model,
        ModelList,
        Enum,
        Other,
    }

    private sealed record Member(ModelProperty Property, Kind Kind, string? Item, bool Nullable, bool CanBeNull);
}
