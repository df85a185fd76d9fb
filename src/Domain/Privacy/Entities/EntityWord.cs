namespace Governance.Domain.Privacy.Entities;

/// <summary>One word of the text as the entity rules see it: its span and what its spelling and position say.</summary>
internal readonly record struct EntityWord(int Start, int End, EntityWordFlags Flags)
{
    public bool Capitalised => (Flags & EntityWordFlags.Capitalised) != 0;

    /// <summary>The first word of a sentence: its capital says nothing.</summary>
    public bool SentenceStart => (Flags & EntityWordFlags.SentenceStart) != 0;

    /// <summary>One space, nothing else, between the previous word and this one: the two may be one name.</summary>
    public bool Joined => (Flags & EntityWordFlags.Joined) != 0;

    /// <summary>A full stop right after the word ("Dr.", "Inc.").</summary>
    public bool Dotted => (Flags & EntityWordFlags.Dotted) != 0;

    /// <summary>Every letter upper case ("MAC", "JOHN"): an acronym, unless its neighbours shout too.</summary>
    public bool AllCaps => (Flags & EntityWordFlags.AllCaps) != 0;
}

[Flags]
internal enum EntityWordFlags : byte
{
    None = 0,
    Capitalised = 1,
    SentenceStart = 2,
    Joined = 4,
    Dotted = 8,
    AllCaps = 16,
}
