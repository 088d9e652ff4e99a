using KooDrive.DocSync.CommandLine;

return DocSyncCli.Run(args, Console.Out, Console.Error);
