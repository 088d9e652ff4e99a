using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KooDrive.ApiSurface.Generation;

/// <summary>
/// The generated code calls hand-written types of the package: the hooks in <c>generator/Templates</c> call the
/// serializer settings, the response-to-exception map and the body reader, the JSON body is written by the generated model writers into the pooled content, and the generated methods construct the
/// exception class (<c>exceptionClass</c> in generator/nswag.json), which the package writes by hand
/// (<c>generateExceptionClasses: false</c>). To compile generated code on its own, this supplies each type it
/// names as an internal stub with the same signature, so the printed surface is the generated code's alone.
/// </summary>
internal static class PackageTypeStubs
{
    private const string ExceptionClass = "KooDriveApiException";

    /// <summary>Hand-written SDK types the templates call, by fully qualified name, with a stub of the same signature.</summary>
    private static readonly (string Reference, string Stub)[] RuntimeTypes =
    [
        (
            "global::KooDrive.Generated.Serialization.ResponseBodyReader",
            "namespace KooDrive.Generated.Serialization\n{\n    internal static class ResponseBodyReader\n    {\n        public static global::System.Threading.Tasks.Task<T> ReadAsync<T>(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) => throw new global::System.NotSupportedException();\n    }\n}\n"
        ),
        (
            "global::KooDrive.Generated.Serialization.KooDriveJsonSettings",
            "namespace KooDrive.Generated.Serialization\n{\n    internal static class KooDriveJsonSettings\n    {\n        public static void Apply(global::Newtonsoft.Json.JsonSerializerSettings settings) { }\n    }\n}\n"
        ),
        (
            "global::KooDrive.Generated.Errors.ResponseExceptionMap",
            "namespace KooDrive.Generated.Errors\n{\n    internal static class ResponseExceptionMap\n    {\n        public static global::System.Threading.Tasks.Task ThrowIfFailedAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) => global::System.Threading.Tasks.Task.CompletedTask;\n    }\n}\n"
        ),
        (
            "global::KooDrive.Generated.Serialization.KooDriveModelIO",
            "namespace KooDrive.Generated.Serialization\n{\n    internal static class KooDriveModelIO\n    {\n        public static void Write<T>(global::Newtonsoft.Json.JsonWriter writer, T value) => throw new global::System.NotSupportedException();\n    }\n}\n"
        ),
        (
            "global::KooDrive.Generated.Http.KooDriveJsonContent",
            "#nullable enable\nnamespace KooDrive.Generated.Http\n{\n    internal sealed class KooDriveJsonContent : global::System.Net.Http.HttpContent\n    {\n        public static KooDriveJsonContent Create<T>(T body, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> write, string mediaType) => throw new global::System.NotSupportedException();\n\n        protected override global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context) => throw new global::System.NotSupportedException();\n\n        protected override bool TryComputeLength(out long length)\n        {\n            length = 0;\n            return false;\n        }\n    }\n}\n"
        ),
    ];

    /// <summary>Stubs for the hand-written SDK types <paramref name="generated"/> calls, or <see langword="null"/> when it calls none.</summary>
    public static SyntaxTree? For(SyntaxTree generated, CSharpParseOptions options)
    {
        var text = generated.ToString();
        var stubs = string.Concat(RuntimeTypes.Where(t => text.Contains(t.Reference, StringComparison.Ordinal)).Select(t => t.Stub)) + ExceptionStub(generated);
        return stubs.Length == 0 ? null : CSharpSyntaxTree.ParseText(stubs, options, path: "KooDriveClient.PackageStubs.cs");
    }

    // The constructor shape NSwag's generated methods call, in the generated code's own namespace.
    private static string ExceptionStub(SyntaxTree generated)
    {
        var root = generated.GetRoot();
        var constructed = root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().FirstOrDefault(n => n.Type.ToString() == ExceptionClass);
        if (constructed is null || root.DescendantNodes().OfType<ClassDeclarationSyntax>().Any(c => c.Identifier.ValueText == ExceptionClass))
        {
            return string.Empty;
        }

        var ns = constructed.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        var stub = $"internal class {ExceptionClass} : global::System.Exception\n{{\n    internal {ExceptionClass}(string message, int statusCode, string? response, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IEnumerable<string>> headers, global::System.Exception? innerException)\n        : base(message, innerException)\n    {{\n    }}\n}}\n";
        return ns is null ? stub : $"namespace {ns}\n{{\n{stub}}}\n";
    }
}
