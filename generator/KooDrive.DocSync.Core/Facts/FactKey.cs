namespace KooDrive.DocSync.Facts;

/// <summary>
/// Names one fact the page and the spec can both state: <c>&lt;operation&gt; &lt;location&gt; &lt;field&gt; &lt;aspect&gt;</c>,
/// for example <c>AddBackupScopes body scopeList.localPath maxLength</c>. Nested fields are joined with dots
/// (array items included); example leaves use JSON paths (<c>scopeIdList[1]</c>); header names are lower case
/// (HTTP header names are case-insensitive); <c>-</c> stands for "no field".
/// </summary>
/// <param name="Operation">The operationId (or <c>METHOD /path</c> for an operation the spec lacks).</param>
/// <param name="Location">
/// <c>operation</c>, <c>path</c>, <c>query</c>, <c>header</c>, <c>body</c>, <c>response</c>, <c>responses</c>,
/// <c>request-example</c> or <c>response-example</c>.
/// </param>
/// <param name="Field">The parameter, field, status code or JSON path; <c>-</c> for none.</param>
/// <param name="Aspect">
/// What is stated: <c>summary</c>, <c>description</c>, <c>required</c>, <c>type</c>, <c>length</c>,
/// <c>minLength</c>, <c>maxLength</c>, <c>minItems</c>, <c>maxItems</c>, <c>minimum</c>, <c>maximum</c>,
/// <c>pattern</c>, <c>enum</c>, <c>enumMeanings</c>, <c>example</c>, <c>value</c> or <c>exists</c>.
/// </param>
public readonly record struct FactKey(string Operation, string Location, string Field, string Aspect)
{
    /// <summary>The text used in reports and errata: the four parts separated by spaces.</summary>
    /// <returns>The key text.</returns>
    public override string ToString() => $"{Operation} {Location} {Field} {Aspect}";
}

/// <summary>The value a page or the spec states for a fact; <see cref="None"/> when it states nothing.</summary>
public static class FactValues
{
    /// <summary>The value of a fact one side does not state.</summary>
    public const string None = "(none)";
}
