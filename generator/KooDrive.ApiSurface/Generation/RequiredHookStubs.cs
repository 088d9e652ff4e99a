using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KooDrive.ApiSurface.Generation;

/// <summary>
/// With <c>generatePrepareRequestAndProcessResponseAsAsyncMethods</c> (generator/nswag.json), NSwag's clients call
/// <c>PrepareRequestAsync</c> and <c>ProcessResponseAsync</c>, which are not partial: the package implements them in
/// handwritten files. To compile generated code on its own, this supplies the contract the generator demands as
/// private no-op methods, only for hooks a client calls and does not define. They are private, so the printed
/// surface is the generated code's alone.
/// </summary>
internal static class RequiredHookStubs
{
    private static readonly Dictionary<string, string[]> Signatures = new(StringComparer.Ordinal)
    {
        ["PrepareRequestAsync"] =
        [
            "private static global::System.Threading.Tasks.Task PrepareRequestAsync(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request, global::System.Text.StringBuilder urlBuilder, global::System.Threading.CancellationToken cancellationToken) => global::System.Threading.Tasks.Task.CompletedTask;",
            "private static global::System.Threading.Tasks.Task PrepareRequestAsync(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request, string url, global::System.Threading.CancellationToken cancellationToken) => global::System.Threading.Tasks.Task.CompletedTask;",
        ],
        ["ProcessResponseAsync"] =
        [
            "private static global::System.Threading.Tasks.Task ProcessResponseAsync(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) => global::System.Threading.Tasks.Task.CompletedTask;",
        ],
    };

    /// <summary>
    /// Hand-written SDK types the template overrides call (generator/Templates), by fully qualified name, with a
    /// stub that has the same signature: the generated code compiles on its own exactly as it does in the package.
    /// </summary>
    private static readonly (string Reference, string Stub)[] RuntimeTypes =
    [
        (
            "global::KooDrive.Generated.Serialization.ResponseBodyReader",
            "namespace KooDrive.Generated.Serialization\n{\n    internal static class ResponseBodyReader\n    {\n        public static global::System.Threading.Tasks.Task<T> ReadAsync<T>(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) => throw new global::System.NotSupportedException();\n    }\n}\n"
        ),
        (
            "global::KooDrive.Generated.Http.KooDriveJsonContent",
            "#nullable enable\nnamespace KooDrive.Generated.Http\n{\n    internal sealed class KooDriveJsonContent : global::System.Net.Http.HttpContent\n    {\n        public static KooDriveJsonContent Create(object body, global::Newtonsoft.Json.JsonSerializerSettings settings, string mediaType) => throw new global::System.NotSupportedException();\n\n        protected override global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context) => throw new global::System.NotSupportedException();\n\n        protected override bool TryComputeLength(out long length)\n        {\n            length = 0;\n            return false;\n        }\n    }\n}\n"
        ),
    ];

    /// <summary>Stubs for the hand-written SDK types <paramref name="generated"/> calls, or <see langword="null"/> when it calls none.</summary>
    public static SyntaxTree? RuntimeFor(SyntaxTree generated, CSharpParseOptions options)
    {
        var text = generated.ToString();
        var stubs = string.Concat(RuntimeTypes.Where(t => text.Contains(t.Reference, StringComparison.Ordinal)).Select(t => t.Stub));
        return stubs.Length == 0 ? null : CSharpSyntaxTree.ParseText(stubs, options, path: "KooDriveClient.RuntimeStubs.cs");
    }

    /// <summary>The stub source for <paramref name="generated"/>, or <see langword="null"/> when nothing is missing.</summary>
    public static SyntaxTree? For(SyntaxTree generated, CSharpParseOptions options)
    {
        var source = new StringBuilder();
        foreach (var type in generated.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            var called = type.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => i.Expression is IdentifierNameSyntax name ? name.Identifier.ValueText : null)
                .Where(name => name is not null && Signatures.ContainsKey(name))
                .ToHashSet(StringComparer.Ordinal);
            var defined = type.Members.OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
            var missing = called.Where(name => !defined.Contains(name!)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var ns = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
            source.Append(ns is null ? string.Empty : $"namespace {ns}\n{{\n")
                .Append($"partial class {type.Identifier.ValueText}\n{{\n");
            foreach (var name in missing)
            {
                foreach (var signature in Signatures[name!])
                {
                    source.Append("    ").Append(signature).Append('\n');
                }
            }

            source.Append("}\n").Append(ns is null ? string.Empty : "}\n");
        }

        return source.Length == 0 ? null : CSharpSyntaxTree.ParseText(source.ToString(), options, path: "KooDriveClient.RequiredHooks.cs");
    }
}
