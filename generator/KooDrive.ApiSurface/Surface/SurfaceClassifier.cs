namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// Labels every difference between two surface listings as additive or breaking, from the listing lines
/// alone (no assemblies needed), so that the committed snapshot can be checked against a recorded one.
/// </summary>
/// <remarks>
/// <para>Breaking: a removed type, member, overload or enum value (a rename is a removal plus an addition); a
/// changed type, return type, parameter list (even a new optional parameter: code compiled against the old
/// signature fails to bind), JSON name, constant or enum value; a member that became required, a new required
/// member on an existing type, a new abstract member; a tighter validation limit or a new constraint; a removed
/// base type or interface; a lost accessor; an attribute change the classifier cannot prove harmless.</para>
/// <para>Additive: a new type, member, overload or enum value; a new member of an existing interface (the SDK's
/// client interfaces exist for consumption and mocking, so operations are added to them in minor versions);
/// a relaxed limit or removed constraint; a member no longer required; a new accessor, base interface,
/// <c>virtual</c>, or protected member made public; <c>[Obsolete]</c>.</para>
/// </remarks>
public static class SurfaceClassifier
{
    private static readonly string[] RelaxableConstraints = ["MaxLength", "MinLength", "StringLength", "RegularExpression", "Range", "Obsolete"];

    /// <summary>Classifies the differences between two listings.</summary>
    /// <param name="before">The old listing's lines.</param>
    /// <param name="after">The new listing's lines.</param>
    /// <returns>One change per changed type or member, breaking ones first, each group sorted by member.</returns>
    public static IReadOnlyList<SurfaceChange> Classify(IEnumerable<string> before, IEnumerable<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldLines = before.Select(SurfaceLine.Parse).ToList();
        var newLines = after.Select(SurfaceLine.Parse).ToList();
        var diff = SurfaceDiff.Compare(oldLines.Select(l => l.Text), newLines.Select(l => l.Text));
        var oldTypes = Types(oldLines);
        var newTypes = Types(newLines);

        var removed = diff.Removed.Select(SurfaceLine.Parse).ToList();
        var added = diff.Added.Select(SurfaceLine.Parse).ToList();
        var changes = new List<SurfaceChange>();

        // A line whose declaration changed keeps its name; a method whose parameters changed keeps its path.
        foreach (var key in new Func<SurfaceLine, string>[] { l => l.Name, l => l.Path })
        {
            foreach (var (old, @new) in UniquePairs(removed, added, key))
            {
                changes.Add(Changed(old, @new, oldTypes));
                removed.Remove(old);
                added.Remove(@new);
            }
        }

        foreach (var line in removed)
        {
            if (!line.IsType && oldTypes.ContainsKey(line.Parent) && !newTypes.ContainsKey(line.Parent))
            {
                continue; // Reported with its type.
            }

            changes.Add(new SurfaceChange(ChangeKind.Breaking, line.Name, RemovedReason(line, oldTypes, removed), line.Text, null));
        }

        foreach (var line in added)
        {
            if (!line.IsType && newTypes.ContainsKey(line.Parent) && !oldTypes.ContainsKey(line.Parent))
            {
                continue; // Reported with its type.
            }

            var (kind, reason) = AddedReason(line, oldTypes, added);
            changes.Add(new SurfaceChange(kind, line.Name, reason, null, line.Text));
        }

        return changes
            .OrderBy(c => c.Kind == ChangeKind.Breaking ? 0 : 1)
            .ThenBy(c => c.Member, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, SurfaceLine> Types(IEnumerable<SurfaceLine> lines)
    {
        var types = new Dictionary<string, SurfaceLine>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.IsType))
        {
            types.TryAdd(line.Path, line);
        }

        return types;
    }

    private static List<(SurfaceLine Old, SurfaceLine New)> UniquePairs(List<SurfaceLine> removed, List<SurfaceLine> added, Func<SurfaceLine, string> key)
    {
        var olds = removed.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        return added.GroupBy(key, StringComparer.Ordinal)
            .Where(g => g.Count() == 1 && olds.ContainsKey(g.Key))
            .Select(g => (olds[g.Key], g.Single()))
            .ToList();
    }

    private static string RemovedReason(SurfaceLine line, Dictionary<string, SurfaceLine> oldTypes, List<SurfaceLine> removed)
    {
        if (line.IsType)
        {
            var members = removed.Count(l => !l.IsType && l.Parent == line.Path);
            return members == 0 ? "type removed" : $"type removed, with its {members} member{(members == 1 ? string.Empty : "s")}";
        }

        return oldTypes.TryGetValue(line.Parent, out var type) && type.IsEnum
            ? "enum value removed (the enum narrowed)"
            : "removed";
    }

    private static (ChangeKind, string) AddedReason(SurfaceLine line, Dictionary<string, SurfaceLine> oldTypes, List<SurfaceLine> added)
    {
        if (line.IsType)
        {
            var members = added.Count(l => !l.IsType && l.Parent == line.Path);
            return (ChangeKind.Additive, members == 0 ? "new type" : $"new type, with {members} member{(members == 1 ? string.Empty : "s")}");
        }

        oldTypes.TryGetValue(line.Parent, out var type);
        if (type is { IsEnum: true })
        {
            return (ChangeKind.Additive, "new enum value");
        }

        if (type is { IsInterface: true })
        {
            return (ChangeKind.Additive, "new interface member (an implementation outside the SDK must add it)");
        }

        if (line.IsAbstract)
        {
            return (ChangeKind.Breaking, "new abstract member: classes deriving from the type must implement it");
        }

        return line.IsRequired
            ? (ChangeKind.Breaking, $"new required member: code that creates {Short(line.Parent)} must now set it")
            : (ChangeKind.Additive, "added");
    }

    private static SurfaceChange Changed(SurfaceLine old, SurfaceLine @new, Dictionary<string, SurfaceLine> oldTypes)
    {
        var verdicts = new List<(ChangeKind Kind, string Reason)>();
        if (old.Name != @new.Name)
        {
            verdicts.AddRange(ParametersChanged(old, @new));
        }

        if (oldTypes.TryGetValue(old.Parent, out var parent) && parent.IsEnum && !old.IsType)
        {
            verdicts.Add((ChangeKind.Breaking, $"value changed: `{Declaration(old)}` → `{Declaration(@new)}`"));
        }
        else
        {
            if (old.Signature != @new.Signature)
            {
                verdicts.AddRange(old.IsType ? TypeDeclarationChanged(old, @new) : SignatureChanged(old, @new));
            }

            verdicts.AddRange(AttributesChanged(old, @new));
        }

        if (verdicts.Count == 0)
        {
            // Lines differ in a way no rule above explains (attribute order, say): judged conservatively.
            verdicts.Add((ChangeKind.Breaking, $"declaration changed: `{Declaration(old)}` → `{Declaration(@new)}`"));
        }

        var kind = verdicts.Any(v => v.Kind == ChangeKind.Breaking) ? ChangeKind.Breaking : ChangeKind.Additive;
        var reasons = verdicts.Where(v => v.Kind == kind).Select(v => v.Reason).Distinct(StringComparer.Ordinal);
        return new SurfaceChange(kind, @new.Name == old.Name ? old.Name : old.Path, string.Join("; ", reasons), old.Text, @new.Text);
    }

    private static IEnumerable<(ChangeKind, string)> ParametersChanged(SurfaceLine old, SurfaceLine @new)
    {
        var oldParameters = old.ParameterList().Select(Parameter).ToList();
        var newParameters = @new.ParameterList().Select(Parameter).ToList();
        var reasons = new List<string>();
        foreach (var p in newParameters.Where(p => !oldParameters.Any(o => o.Name == p.Name)))
        {
            reasons.Add(p.Optional
                ? $"new optional parameter `{p.Text}` (code compiled against the old signature fails to bind until rebuilt)"
                : $"new required parameter `{p.Text}`");
        }

        foreach (var p in oldParameters.Where(p => !newParameters.Any(n => n.Name == p.Name)))
        {
            reasons.Add($"parameter `{p.Text}` removed");
        }

        foreach (var p in oldParameters)
        {
            if (newParameters.FirstOrDefault(n => n.Name == p.Name) is { } n && n.Text != p.Text)
            {
                reasons.Add($"parameter changed: `{p.Text}` → `{n.Text}`");
            }
        }

        var shared = oldParameters.Select(p => p.Name).Intersect(newParameters.Select(p => p.Name), StringComparer.Ordinal).ToList();
        if (reasons.Count == 0 && !oldParameters.Select(p => p.Name).Where(shared.Contains).SequenceEqual(newParameters.Select(p => p.Name).Where(shared.Contains)))
        {
            reasons.Add("parameters reordered");
        }

        if (reasons.Count == 0)
        {
            reasons.Add($"parameters changed: `({old.Parameters})` → `({@new.Parameters})`");
        }

        return reasons.Select(r => (ChangeKind.Breaking, r));
    }

    private static (string Text, string Name, bool Optional) Parameter(string text)
    {
        var withoutAttributes = SurfaceLine.Parse("P: " + text).Signature;
        var equals = withoutAttributes.IndexOf(" = ", StringComparison.Ordinal);
        var declaration = equals < 0 ? withoutAttributes : withoutAttributes[..equals];
        return (text, declaration[(declaration.LastIndexOf(' ') + 1)..], equals >= 0);
    }

    private static IEnumerable<(ChangeKind, string)> SignatureChanged(SurfaceLine old, SurfaceLine @new)
    {
        var (oldModifiers, oldType, oldAccessors) = Split(old.Signature);
        var (newModifiers, newType, newAccessors) = Split(@new.Signature);
        if (oldType != newType)
        {
            yield return (ChangeKind.Breaking, old.Parameters is null && oldAccessors is null
                ? $"declaration changed: `{old.Signature}` → `{@new.Signature}`"
                : $"{(oldAccessors is null ? "return type" : "type")} changed: `{oldType}` → `{newType}`");
        }

        foreach (var verdict in ModifiersChanged(oldModifiers, newModifiers))
        {
            yield return verdict;
        }

        if (oldAccessors != newAccessors)
        {
            var lost = (oldAccessors ?? []).Except(newAccessors ?? [], StringComparer.Ordinal).ToList();
            var gained = (newAccessors ?? []).Except(oldAccessors ?? [], StringComparer.Ordinal).ToList();
            if (lost.Count > 0)
            {
                yield return (ChangeKind.Breaking, $"accessor removed: {string.Join(", ", lost)}");
            }

            if (gained.Count > 0)
            {
                yield return (ChangeKind.Additive, $"accessor added: {string.Join(", ", gained)}");
            }
        }
    }

    // "public virtual System.Threading.Tasks.Task<X> { get; set; }" → modifiers, type, accessors.
    private static (List<string> Modifiers, string Type, string[]? Accessors) Split(string signature)
    {
        string[]? accessors = null;
        var body = signature;
        var brace = signature.IndexOf(" { ", StringComparison.Ordinal);
        if (brace >= 0 && signature.EndsWith(" }", StringComparison.Ordinal))
        {
            accessors = signature[(brace + 3)..^2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.TrimEnd(';')).ToArray();
            body = signature[..brace];
        }

        var words = body.Split(' ').ToList();
        var modifiers = words.TakeWhile(IsModifier).ToList();
        return (modifiers, string.Join(' ', words.Skip(modifiers.Count)), accessors?.Order(StringComparer.Ordinal).ToArray());
    }

    private static bool IsModifier(string word) => word is "public" or "protected" or "internal" or "private" or "static" or "virtual"
        or "override" or "abstract" or "sealed" or "readonly" or "required" or "new" or "const" or "extern" or "unsafe" or "volatile" or "ref";

    private static IEnumerable<(ChangeKind, string)> ModifiersChanged(List<string> old, List<string> @new)
    {
        foreach (var modifier in old.Except(@new, StringComparer.Ordinal))
        {
            // Becoming overridable, public, unsealed or non-abstract only allows more.
            var relaxed = modifier is "sealed" or "abstract" || (modifier == "protected" && @new.Contains("public"));
            yield return (relaxed ? ChangeKind.Additive : ChangeKind.Breaking, $"no longer {modifier}");
        }

        foreach (var modifier in @new.Except(old, StringComparer.Ordinal))
        {
            var relaxed = modifier == "virtual" || (modifier == "public" && old.Contains("protected"));
            yield return (relaxed ? ChangeKind.Additive : ChangeKind.Breaking, $"now {modifier}");
        }
    }

    private static IEnumerable<(ChangeKind, string)> TypeDeclarationChanged(SurfaceLine old, SurfaceLine @new)
    {
        var (oldHead, oldBases) = Bases(old.Signature);
        var (newHead, newBases) = Bases(@new.Signature);
        foreach (var removedBase in oldBases.Except(newBases, StringComparer.Ordinal))
        {
            yield return (ChangeKind.Breaking, $"no longer derives from or implements `{removedBase}`");
        }

        foreach (var addedBase in newBases.Except(oldBases, StringComparer.Ordinal))
        {
            yield return (ChangeKind.Additive, $"now implements `{addedBase}`");
        }

        if (oldHead != newHead)
        {
            var oldWords = oldHead.Split(' ').ToList();
            var newWords = newHead.Split(' ').ToList();
            var kindChanged = !oldWords.Where(w => !IsModifier(w)).SequenceEqual(newWords.Where(w => !IsModifier(w)));
            if (kindChanged)
            {
                yield return (ChangeKind.Breaking, $"declaration changed: `{oldHead}` → `{newHead}`");
            }
            else
            {
                foreach (var verdict in ModifiersChanged(oldWords.Where(IsModifier).ToList(), newWords.Where(IsModifier).ToList()))
                {
                    yield return verdict;
                }
            }
        }
    }

    // "public sealed class : Base, IFoo where T : class" → ("public sealed class where T : class", [Base, IFoo]).
    private static (string Head, List<string> Bases) Bases(string signature)
    {
        var colon = signature.IndexOf(" : ", StringComparison.Ordinal);
        var where = signature.IndexOf(" where ", StringComparison.Ordinal);
        if (colon < 0 || (where >= 0 && where < colon))
        {
            return (signature, []);
        }

        var end = where < 0 ? signature.Length : where;
        var bases = SurfaceLine.Parse("B(" + signature[(colon + 3)..end] + "): x").ParameterList().ToList();
        return (signature[..colon] + signature[end..], bases);
    }

    private static List<(ChangeKind, string)> AttributesChanged(SurfaceLine old, SurfaceLine @new)
    {
        var verdicts = new List<(ChangeKind, string)>();
        if (old.JsonName != @new.JsonName)
        {
            verdicts.Add((ChangeKind.Breaking, $"JSON name changed: \"{old.JsonName}\" → \"{@new.JsonName}\""));
        }

        if (old.IsRequired != @new.IsRequired)
        {
            verdicts.Add(@new.IsRequired ? (ChangeKind.Breaking, "became required") : (ChangeKind.Additive, "no longer required"));
        }

        var oldAttributes = old.Attributes.Except(@new.Attributes, StringComparer.Ordinal).ToList();
        var newAttributes = @new.Attributes.Except(old.Attributes, StringComparer.Ordinal).ToList();

        // The JSON and [Required] attributes are judged above (name and required-ness); their other settings
        // (null handling) follow from required-ness when that changed, and break serialization when it did not.
        if (verdicts.Count == 0 && oldAttributes.Concat(newAttributes).Any(a => Short(SurfaceLine.AttributeName(a)) == "JsonProperty"))
        {
            verdicts.Add((ChangeKind.Breaking, "JSON serialization settings changed"));
        }

        oldAttributes.RemoveAll(IsJudgedAbove);
        newAttributes.RemoveAll(IsJudgedAbove);
        foreach (var attribute in newAttributes.ToList())
        {
            var name = Short(SurfaceLine.AttributeName(attribute));
            var previous = oldAttributes.FirstOrDefault(a => Short(SurfaceLine.AttributeName(a)) == name);
            if (previous is null)
            {
                verdicts.Add(name == "Obsolete" ? (ChangeKind.Additive, "marked obsolete") : (ChangeKind.Breaking, $"attribute added: `{attribute}`"));
                continue;
            }

            oldAttributes.Remove(previous);
            verdicts.Add(LimitChanged(name, previous, attribute));
        }

        foreach (var attribute in oldAttributes)
        {
            var relaxed = RelaxableConstraints.Contains(Short(SurfaceLine.AttributeName(attribute)));
            verdicts.Add((relaxed ? ChangeKind.Additive : ChangeKind.Breaking, $"attribute removed: `{attribute}`"));
        }

        return verdicts;
    }

    private static bool IsJudgedAbove(string attribute) => Short(SurfaceLine.AttributeName(attribute)) is "JsonProperty" or "Required";

    // MaxLength(100) → MaxLength(200) only allows more; anything else about a constraint is judged a tightening.
    private static (ChangeKind, string) LimitChanged(string name, string old, string @new)
    {
        var reason = $"`{old}` → `{@new}`";
        if (FirstNumber(old) is { } before && FirstNumber(@new) is { } after)
        {
            var relaxed = name switch
            {
                "MaxLength" or "StringLength" => after > before,
                "MinLength" => after < before,
                _ => false,
            };
            return (relaxed ? ChangeKind.Additive : ChangeKind.Breaking, (relaxed ? "limit relaxed: " : "limit tightened: ") + reason);
        }

        return (ChangeKind.Breaking, "attribute changed: " + reason);
    }

    private static long? FirstNumber(string attribute)
    {
        var open = attribute.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var digits = new string(attribute[(open + 1)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Declaration(SurfaceLine line) => line.Text[(line.Name.Length + 2)..];

    private static string Short(string qualified)
    {
        var dot = qualified.LastIndexOf('.');
        return dot < 0 ? qualified : qualified[(dot + 1)..];
    }
}
