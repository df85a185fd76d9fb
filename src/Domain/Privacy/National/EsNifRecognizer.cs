using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// ES_NIF (DNI): eight digits and the control letter of the number mod 23, written "12345678Z",
/// "12345678-Z" or "12.345.678 Z"; the letter is matched in either case. Numbers under ten million are also
/// written with seven digits ("1111111-G", Presidio's pattern takes them): <see cref="SevenDigits"/> reads those.
/// </summary>
public sealed class EsNifRecognizer(int digitCount = 8)
    : DigitIdRecognizer("ES_NIF", digitCount, ["nif", "dni", "documento nacional de identidad", "identificación fiscal", "identificacion fiscal"])
{
    /// <summary>The seven-digit form: the leading zero of a number under ten million left out.</summary>
    public static EsNifRecognizer SevenDigits { get; } = new(7);

    internal const string ControlLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    protected override bool ChecksEnd => false;

    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        if (!IsWhole(window) && !(DigitCount == 8 && HasShape(text, window, [2, 3, 3], out var separator) && separator == '.'))
        {
            return 0;
        }

        var number = 0;
        foreach (var d in digits)
        {
            number = (number * 10) + d;
        }

        var letterEnd = MatchControlLetter(text, end, ControlLetters[number % 23]);
        if (letterEnd < 0)
        {
            return 0;
        }

        end = letterEnd;
        return 0.5;
    }

    /// <summary>
    /// Where the id ends if, at <paramref name="position"/>, an optional '-' or space and then
    /// <paramref name="expected"/> (any case) stand alone; -1 otherwise.
    /// </summary>
    internal static int MatchControlLetter(ReadOnlySpan<char> text, int position, char expected)
    {
        if (position < text.Length && text[position] is '-' or ' ' or '\u00A0')
        {
            position++;
        }

        if (position >= text.Length || char.ToUpperInvariant(text[position]) != expected)
        {
            return -1;
        }

        position++;
        return position == text.Length || !DigitScanner.IsWordChar(text[position]) ? position : -1;
    }
}
