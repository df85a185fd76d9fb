namespace Governance.Audit.Offline.Export;

/// <summary>
/// Splits a stream into LF-terminated lines without decoding to strings: one growing buffer, each
/// line a view into it until the next call. Streams files of any size in constant memory.
/// </summary>
internal sealed class JsonLineSplitter(Stream input)
{
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Bytes consumed so far, for progress.</summary>
    public long Position { get; private set; }

    public long LineNumber { get; private set; }

    public bool TryRead(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _buffer.AsMemory(_start, newline);
                Consume(newline + 1);
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    // A last line without its LF still counts; the format only asks readers to accept it.
                    line = _buffer.AsMemory(_start, _end - _start);
                    Consume(_end - _start);
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private void Consume(int count)
    {
        _start += count;
        Position += count;
        LineNumber++;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
