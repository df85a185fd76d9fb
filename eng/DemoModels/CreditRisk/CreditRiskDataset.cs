namespace Governance.DemoModels.CreditRisk;

/// <summary>One applicant: features in the model's input order, and whether they defaulted.</summary>
internal sealed record CreditApplicant(double[] Features, bool Defaulted);

/// <summary>
/// Synthetic loan applicants. Feature order (the model's input columns): annual income in
/// thousands, debt-to-income ratio, age in years, late payments in the last two years. Defaults
/// are drawn from a known logistic "truth" plus noise, so a good model is possible but not perfect.
/// </summary>
internal sealed record CreditRiskDataset(IReadOnlyList<CreditApplicant> Train, IReadOnlyList<CreditApplicant> Test)
{
    public static readonly IReadOnlyList<string> FeatureNames = ["income", "debt_ratio", "age", "late_payments"];

    public const int Size = 5000;

    public static CreditRiskDataset Generate(int seed)
    {
        var random = new Random(seed);
        var applicants = new CreditApplicant[Size];
        for (var i = 0; i < applicants.Length; i++)
        {
            applicants[i] = Draw(random);
        }

        var trainCount = Size * 4 / 5;
        return new CreditRiskDataset(applicants[..trainCount], applicants[trainCount..]);
    }

    private static CreditApplicant Draw(Random random)
    {
        var income = Math.Round(Math.Exp(Math.Log(55) + (0.45 * Normal(random))), 1);
        var debtRatio = Math.Round(Math.Clamp(0.35 + (0.15 * Normal(random)), 0, 1.5), 3);
        var age = (double)random.Next(21, 76);
        var latePayments = (double)Poisson(random, 0.3 + (1.5 * debtRatio));
        var logit = -2.0 - (0.04 * (income - 55)) + (6.0 * (debtRatio - 0.35)) - (0.03 * (age - 45)) + (0.8 * latePayments);
        var defaulted = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        return new CreditApplicant([income, debtRatio, age, latePayments], defaulted);
    }

    // Box-Muller; one of the pair is dropped to keep the draw order simple.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // Knuth's multiplication method, fine for the small rates used here.
    private static int Poisson(Random random, double rate)
    {
        var limit = Math.Exp(-rate);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }
}
