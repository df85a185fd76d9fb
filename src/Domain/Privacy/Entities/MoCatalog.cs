using System.Buffers.Binary;
using System.Text;

namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// Reads the translated strings of a GNU gettext .mo catalogue (libgeonames-common ships the English
/// names of places as one, keyed by GeoNames id). Format: a magic number that also gives the byte order,
/// then the count and the offsets of two tables of (length, offset) pairs.
/// </summary>
internal static class MoCatalog
{
    private const uint Magic = 0x950412de;

    public static IReadOnlyList<string> Translations(ReadOnlySpan<byte> mo)
    {
        if (mo.Length < 28)
        {
            throw new InvalidDataException("not a .mo catalogue: too short");
        }

        var little = BinaryPrimitives.ReadUInt32LittleEndian(mo) == Magic;
        if (!little && BinaryPrimitives.ReadUInt32BigEndian(mo) != Magic)
        {
            throw new InvalidDataException("not a .mo catalogue: bad magic number");
        }

        var count = Read(mo, 8, little);
        var table = Read(mo, 16, little);
        if (count > (mo.Length - table) / 8)
        {
            throw new InvalidDataException("not a .mo catalogue: table out of range");
        }

        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = Read(mo, table + (8 * i), little);
            var offset = Read(mo, table + (8 * i) + 4, little);
            if (offset < 0 || length < 0 || offset > mo.Length - length)
            {
                throw new InvalidDataException("not a .mo catalogue: string out of range");
            }

            // Plural forms are NUL-separated; place names have none, and the header entry is empty-keyed metadata.
            var text = Encoding.UTF8.GetString(mo.Slice(offset, length));
            if (text.Length > 0 && !text.Contains('\n') && !text.Contains('\0'))
            {
                result.Add(text);
            }
        }

        return result;
    }

    private static int Read(ReadOnlySpan<byte> mo, int at, bool little)
    {
        if (at < 0 || at > mo.Length - 4)
        {
            throw new InvalidDataException("not a .mo catalogue: offset out of range");
        }

        var value = little ? BinaryPrimitives.ReadUInt32LittleEndian(mo[at..]) : BinaryPrimitives.ReadUInt32BigEndian(mo[at..]);
        return value > int.MaxValue ? throw new InvalidDataException("not a .mo catalogue: value out of range") : (int)value;
    }
}
