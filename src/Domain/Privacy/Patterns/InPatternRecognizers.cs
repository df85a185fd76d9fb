namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's Indian recognizers for PAN, voter ID (EPIC), passport and vehicle registration: its patterns,
/// scores and context words (facts from presidio_analyzer/predefined_recognizers/country_specific/india).
/// None of these formats carries a check digit; the registration's state and district codes are checked
/// against Presidio's table (<see cref="InVehicleRegistrations"/>). Aadhaar is <c>National/InAadhaarRecognizer</c>.
/// </summary>
public static class InPatternRecognizers
{
    // Presidio's low pattern looks ahead over the rest of the text ((?=.*?[a-zA-Z])); here the lookaheads stay
    // inside the ten characters, which finds the same tokens without reading the whole text at every position.
    // The digits are looked for first: most words have none, and fail there.
    private const string PanLow = @"\b(?=[\w@#$%^?~-]{0,6}[0-9]{4})(?=[\w@#$%^?~-]{0,9}[a-zA-Z])[\w@#$%^?~-]{10}\b";

    private const string FiveLettersThenDigit = "(?=[A-Za-z]{5}[0-9])";

    public static PatternRecognizer Pan { get; } = new("InPanRecognizer", "IN_PAN",
        [
            new("PAN (High)", @"\b[A-Za-z]{3}[AaBbCcFfGgHhJjLlPpTt][A-Za-z][0-9]{4}[A-Za-z]\b", 0.5) { Guard = FiveLettersThenDigit },
            new("PAN (Medium)", @"\b[A-Za-z]{5}[0-9]{4}[A-Za-z]\b", 0.1) { Guard = FiveLettersThenDigit },
            new("PAN (Low)", PanLow, 0.01),
        ],
        ["permanent account number", "pan"]);

    public static PatternRecognizer Voter { get; } = new("InVoterRecognizer", "IN_VOTER",
        [
            new("VOTER", @"\b[A-Za-z][ABCDGHJKMNPRSYabcdghjkmnprsy][A-Za-z][0-9]{7}\b", 0.4),
            new("VOTER", @"\b[A-Za-z]{3}[0-9]{7}\b", 0.3),
        ],
        ["voter", "epic", "elector photo identity card"]);

    public static PatternRecognizer Passport { get; } = new("InPassportRecognizer", "IN_PASSPORT",
        [new("PASSPORT", @"\b[A-Z][1-9][0-9]\s?[0-9]{4}[1-9]\b", 0.1)],
        ["passport", "indian passport", "passport number"]);

    public static PatternRecognizer VehicleRegistration { get; } = new("InVehicleRegistrationRecognizer", "IN_VEHICLE_REGISTRATION",
        [
            new("India Vehicle Registration (Very Weak)", @"\b[A-Z](?!0000)[0-9]{4}\b", 0.01),
            new("India Vehicle Registration (Very Weak)", @"\b[A-Z]{2}(?!0000)[0-9]{4}\b", 0.01),
            new("India Vehicle Registration (Very Weak)", @"\bI(?!00000)[0-9]{5}\b", 0.01),
            new("India Vehicle Registration (Weak)", @"\b[A-Z]{3}(?!0000)[0-9]{4}\b", 0.2),
            new("India Vehicle Registration (Medium)", @"\b[0-9]{1,3}(?:CD|CC|UN)[1-9][0-9]{1,3}\b", 0.4),
            new("India Vehicle Registration", @"\b[A-Z]{2}[0-9][A-Z]{1,3}(?!0000)[0-9]{4}\b", 0.5),
            new("India Vehicle Registration", @"\b[A-Z]{2}[0-9]{2}[A-Z]{1,2}(?!0000)[0-9]{4}\b", 0.5),
            new("India Vehicle Registration", @"\b[2-9][1-9]BH(?!0000)[0-9]{4}[A-HJ-NP-Z]{2}\b", 0.85),
            new("India Vehicle Registration", @"\b(?!00)[0-9]{2}[ABCDEFHKPRX][0-9]{6}[A-Z]\b", 0.85),
        ],
        ["RTO", "vehicle", "plate", "registration"],
        InVehicleRegistrations.Verify, 1.0);

    public static IReadOnlyList<IPiiRecognizer> All { get; } = [Pan, Voter, Passport, VehicleRegistration];
}
