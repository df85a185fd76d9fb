namespace Governance.Domain.Privacy.Normalization;

/// <summary>Builds normalized text together with the original range of each of its characters.</summary>
internal sealed class MappedBuilder(int capacity)
{
    private char[] _chars = new char[Math.Max(capacity, 4)];
    private int[] _starts = new int[Math.Max(capacity, 4)];
    private int[] _lengths = new int[Math.Max(capacity, 4)];
    private int _count;

    /// <summary>The last character appended, or '\0' before the first.</summary>
    public char Last => _count > 0 ? _chars[_count - 1] : '\0';

    public void Append(char c, int originalStart, int originalLength)
    {
        Ensure(1);
        _chars[_count] = c;
        _starts[_count] = originalStart;
        _lengths[_count] = originalLength;
        _count++;
    }

    public void Append(ReadOnlySpan<char> chars, int originalStart, int originalLength)
    {
        Ensure(chars.Length);
        foreach (var c in chars)
        {
            _chars[_count] = c;
            _starts[_count] = originalStart;
            _lengths[_count] = originalLength;
            _count++;
        }
    }

    public T Build<T>(string original, Func<string, string, int[], int[], T> create)
    {
        var text = new string(_chars, 0, _count);
        return create(original, text, _starts[.._count], _lengths[.._count]);
    }

    private void Ensure(int more)
    {
        if (_count + more <= _chars.Length)
        {
            return;
        }

        var size = Math.Max(_chars.Length * 2, _count + more);
        Array.Resize(ref _chars, size);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _lengths, size);
    }
}
