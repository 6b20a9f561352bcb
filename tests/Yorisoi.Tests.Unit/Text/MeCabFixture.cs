using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Text;

/// <summary>
/// The one analyser the Text tests share. When MeCab is missing the tests fail with MeCabNotAvailableException,
/// whose message names the Debian packages to install.
/// </summary>
internal static class MeCabFixture
{
    public static MeCabAnalyzer Analyzer => MeCabAnalyzer.Shared;
}
