using System.Reflection;
using System.Runtime.InteropServices;

namespace Yorisoi.Text.Analysis;

/// <summary>The part of MeCab's C API (mecab.h, 0.996) that the lattice-based, thread-safe use needs.</summary>
internal static unsafe partial class MeCabNative
{
    private const string Library = "mecab";

    public const byte NodeBos = 2;
    public const byte NodeEos = 3;
    public const byte NodeUnknown = 1;

    private static string? s_configuredPath;

    static MeCabNative() => NativeLibrary.SetDllImportResolver(typeof(MeCabNative).Assembly, Resolve);

    public static void Configure(string? libraryPath)
    {
        if (libraryPath is not null)
        {
            s_configuredPath = libraryPath;
        }
    }

    /// <summary>Loads libmecab now, so that a missing library is reported as such and not as an obscure DllNotFoundException.</summary>
    public static void EnsureLoaded()
    {
        try
        {
            _ = Version();
        }
        catch (DllNotFoundException e)
        {
            throw new MeCabNotAvailableException("The MeCab library (libmecab.so.2) could not be loaded.", e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new MeCabNotAvailableException("The library found as libmecab is not MeCab 0.996 or later.", e);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        string[] candidates = s_configuredPath is null
            ? ["libmecab.so.2", "libmecab.so", "/usr/lib/x86_64-linux-gnu/libmecab.so.2", "/usr/lib/aarch64-linux-gnu/libmecab.so.2", "/usr/local/lib/libmecab.so.2", "libmecab.2.dylib", "libmecab.dll"]
            : [s_configuredPath];
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Node
    {
        public Node* Prev;
        public Node* Next;
        public Node* ENext;
        public Node* BNext;
        public IntPtr RPath;
        public IntPtr LPath;
        public byte* Surface;
        public byte* Feature;
        public uint Id;
        public ushort Length;
        public ushort RLength;
        public ushort RcAttr;
        public ushort LcAttr;
        public ushort PosId;
        public byte CharType;
        public byte Stat;
        public byte IsBest;
        public float Alpha;
        public float Beta;
        public float Prob;
        public short WCost;
        public nint Cost;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DictionaryInfo
    {
        public byte* FileName;
        public byte* Charset;
        public uint Size;
        public int Type;
        public uint LSize;
        public uint RSize;
        public ushort Version;
        public DictionaryInfo* Next;
    }

    [LibraryImport(Library, EntryPoint = "mecab_version")]
    private static partial byte* VersionNative();

    public static string Version() => Marshal.PtrToStringUTF8((IntPtr)VersionNative()) ?? string.Empty;

    [LibraryImport(Library, EntryPoint = "mecab_model_new")]
    public static partial IntPtr ModelNew(int argc, IntPtr* argv);

    [LibraryImport(Library, EntryPoint = "mecab_model_new2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ModelNew2(string arguments);

    [LibraryImport(Library, EntryPoint = "mecab_model_destroy")]
    public static partial void ModelDestroy(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_model_new_tagger")]
    public static partial IntPtr ModelNewTagger(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_model_new_lattice")]
    public static partial IntPtr ModelNewLattice(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_model_dictionary_info")]
    public static partial DictionaryInfo* ModelDictionaryInfo(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_destroy")]
    public static partial void TaggerDestroy(IntPtr tagger);

    [LibraryImport(Library, EntryPoint = "mecab_strerror")]
    private static partial byte* StrErrorNative(IntPtr tagger);

    public static string StrError(IntPtr tagger) => Marshal.PtrToStringUTF8((IntPtr)StrErrorNative(tagger)) ?? string.Empty;

    [LibraryImport(Library, EntryPoint = "mecab_parse_lattice")]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial int ParseLattice(IntPtr tagger, IntPtr lattice);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_destroy")]
    public static partial void LatticeDestroy(IntPtr lattice);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_clear")]
    public static partial void LatticeClear(IntPtr lattice);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_set_sentence2")]
    public static partial void LatticeSetSentence2(IntPtr lattice, byte* sentence, nuint length);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_get_bos_node")]
    public static partial Node* LatticeGetBosNode(IntPtr lattice);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_strerror")]
    private static partial byte* LatticeStrErrorNative(IntPtr lattice);

    public static string LatticeStrError(IntPtr lattice) => Marshal.PtrToStringUTF8((IntPtr)LatticeStrErrorNative(lattice)) ?? string.Empty;
}
