namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// The short date forms of Presidio's DateRecognizer that <c>Recognizers/DateTimeRecognizer</c> does not read:
/// two-digit years ("21/5/21", "21.5.21"), month abbreviations joined by hyphens ("5-May-2021", "May-21",
/// "21-May") and month/year ("05/2021", "5/21"). Patterns are Presidio's, kept from joining a longer number
/// ("1.21/5/21"). Scores: Presidio's 0.2 and 0.1 for month/year; 0.4, our date score, where Presidio has 0.6,
/// so a date still needs its context word on our own endpoints (ADR-033).
/// </summary>
public static class DatePatternRecognizers
{
    private const string Before = @"(?<![0-9][./-])\b";
    private const string After = @"\b(?![./-][0-9])";
    private const string Day = "(?:[1-9]|0[1-9]|[12][0-9]|3[01])";
    private const string Month = "(?:[1-9]|0[1-9]|1[0-2])";
    private const string Abbreviation = "(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";

    public static PatternRecognizer ShortForms { get; } = new("DateRecognizer", "DATE_TIME",
        [
            new("mm/dd/yy", $"{Before}{Month}/{Day}/[0-9]{{2}}{After}", 0.4),
            new("dd/mm/yy", $"{Before}{Day}/{Month}/[0-9]{{2}}{After}", 0.4),
            new("dd.mm.yy", $@"{Before}{Day}\.{Month}\.[0-9]{{2}}{After}", 0.4),
            new("dd-MMM-yyyy or dd-MMM-yy", $"{Before}{Day}-{Abbreviation}-(?:[0-9]{{4}}|[0-9]{{2}}){After}", 0.4),
            new("MMM-yyyy or MMM-yy", $"{Before}{Abbreviation}-(?:[0-9]{{4}}|[0-9]{{2}}){After}", 0.4),
            new("dd-MMM", $"{Before}{Day}-{Abbreviation}{After}", 0.4),
            new("mm/yyyy or m/yyyy", $"{Before}{Month}/[0-9]{{4}}{After}", 0.2),
            new("mm/yy or m/yy", $"{Before}{Month}/[0-9]{{2}}{After}", 0.1),
        ],
        ["date", "birthday"]);
}
