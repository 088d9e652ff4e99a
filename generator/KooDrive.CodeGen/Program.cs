using KooDrive.CodeGen;

// dotnet KooDrive.CodeGen.dll <spec.yaml> <nswag-client.g.cs> <output.g.cs> <namespace>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: KooDrive.CodeGen <spec.yaml> <generated-client.g.cs> <output.g.cs> <namespace>");
    return 2;
}

try
{
    var document = SpecReader.Load(args[0]);
    var facts = FactsEmitter.Emit(document, File.ReadAllText(args[1]), args[3]);

    // Written only when it changed, so an unchanged spec never forces a recompile.
    if (!File.Exists(args[2]) || File.ReadAllText(args[2]) != facts)
    {
        File.WriteAllText(args[2], facts);
    }

    return 0;
}
catch (SpecException exception)
{
    Console.Error.WriteLine($"{args[0]}: error KOODRIVE003: {exception.Message}");
    return 1;
}
