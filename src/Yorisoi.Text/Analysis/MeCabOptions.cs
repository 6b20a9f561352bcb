namespace Yorisoi.Text.Analysis;

public sealed class MeCabOptions
{
    /// <summary>Where Debian's mecab-ipadic-utf8 puts the compiled dictionary.</summary>
    public const string DebianIpadicUtf8 = "/var/lib/mecab/dic/ipadic-utf8";

    /// <summary>Dictionary directory (holding sys.dic and dicrc); null looks in the usual places.</summary>
    public string? DictionaryDirectory { get; set; }

    /// <summary>Path or name of libmecab; null tries libmecab.so.2 and the usual names.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>Text longer than this is analysed in pieces cut at sentence ends or spaces, so memory stays bounded.</summary>
    public int MaxChunkLength { get; set; } = 4096;

    /// <summary>Where the compiled user dictionary is cached; null uses the user's local application data.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Compile the user terms with mecab-dict-index when it is installed (see <see cref="UserDictionaryCompiler"/>).</summary>
    public bool CompileUserDictionary { get; set; } = true;

    /// <summary>Consumer-affairs terms kept whole; null uses the list shipped with Yorisoi.Text.</summary>
    public UserTermList? UserTerms { get; set; }
}
