using Governance.Domain.Models;
using Governance.Inference.Tests.Support;
using Governance.Inference.Text;

namespace Governance.Inference.Tests.Text;

public sealed class WordPieceTokenizerTests
{
    private static readonly WordPieceTokenizer Tokenizer = new(MiniLmModel.Manifest(null).Encoder!);

    private static int[] Ids(params string[] tokens) => [MiniLmModel.Id("[CLS]"), .. tokens.Select(MiniLmModel.Id), MiniLmModel.Id("[SEP]")];

    [Fact]
    public void Encode_SplitsPunctuationAndLowercases()
    {
        Assert.Equal(Ids("hello", ",", "world", "!"), Tokenizer.Encode("Hello,  WORLD!"));
    }

    [Fact]
    public void Encode_SplitsUnknownWordsIntoLongestPieces()
    {
        Assert.Equal(Ids("una", "##ffa", "##ble"), Tokenizer.Encode("unaffable"));
    }

    [Fact]
    public void Encode_StripsAccentsAndCombiningMarks()
    {
        // "Déjà" precomposed and "cafe" + U+0301 combining acute: both fold to plain letters.
        Assert.Equal(Tokenizer.Encode("deja vu cafe"), Tokenizer.Encode("Déjà vu cafe\u0301"));
    }

    [Fact]
    public void Encode_DropsControlCharactersAndTreatsOtherWhitespaceAsSpace()
    {
        Assert.Equal(Ids("hello", "world"), Tokenizer.Encode("hel\u0000lo\u200B\tworld\r\n"));
    }

    [Fact]
    public void Encode_WordWithoutPieces_IsUnknown()
    {
        Assert.Equal(Ids("[UNK]"), Tokenizer.Encode("\U0001F600"));
        Assert.Equal(Ids("[UNK]"), Tokenizer.Encode(new string('a', WordPieceTokenizer.MaxCharsPerWord + 1)));
    }

    [Fact]
    public void Encode_SplitsCjkIdeographsIntoSingleTokens()
    {
        Assert.Equal(Ids("中", "国"), Tokenizer.Encode("中国"));
    }

    [Fact]
    public void Encode_TruncatesToMaxTokensKeepingSep()
    {
        var tokenizer = new WordPieceTokenizer(MiniLmModel.Manifest(null).Encoder! with { MaxTokens = 5 });
        Assert.Equal(Ids("one", "two", "three"), tokenizer.Encode("one two three four five"));
        // A word's pieces are cut at the limit too.
        Assert.Equal(Ids("una", "##ffa", "##ble"), tokenizer.Encode("unaffable again"));
    }

    [Fact]
    public void Encode_EmptyText_IsClsSep()
    {
        Assert.Equal(Ids(), Tokenizer.Encode(" \t "));
    }

    [Fact]
    public void Spec_MissingSpecialTokens_IsAProblem()
    {
        var spec = new TextEncoderSpec(TextEncoderSpec.BertWordPiece, ["hello", "world"]);
        Assert.Contains(spec.Problems(), p => p.Contains("[CLS]", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new WordPieceTokenizer(spec));
    }
}
