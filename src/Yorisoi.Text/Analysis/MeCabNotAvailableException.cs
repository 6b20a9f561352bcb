namespace Yorisoi.Text.Analysis;

/// <summary>MeCab or its UTF-8 IPADIC dictionary is missing or unusable; the message says what to install.</summary>
public sealed class MeCabNotAvailableException : Exception
{
    public const string InstallHint = "Install them with: apt-get install libmecab2 mecab-ipadic-utf8";

    public MeCabNotAvailableException()
        : base("MeCab is not available. " + InstallHint)
    {
    }

    public MeCabNotAvailableException(string message)
        : base(message + " " + InstallHint)
    {
    }

    public MeCabNotAvailableException(string message, Exception innerException)
        : base(message + " " + InstallHint, innerException)
    {
    }
}
