using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Yorisoi.Bench;

/// <summary>
/// Writes PostgreSQL's binary COPY format straight into Npgsql's raw COPY stream. NpgsqlBinaryImporter resolves
/// a converter for every value; with 70 columns and a million rows that overhead was a sixth of the bench's CPU,
/// and the format for the handful of types used here is simple.
/// </summary>
public sealed class CopyWriter : IDisposable
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _position;
    private bool _completed;

    public CopyWriter(NpgsqlConnection connection, string copyFromStdinBinary)
    {
        _stream = connection.BeginRawBinaryCopy(copyFromStdinBinary);
        Header.CopyTo(_buffer, 0);
        _position = Header.Length;
    }

    public void StartRow(short fieldCount)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), fieldCount);
        _position += 2;
    }

    public void Null()
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), -1);
        _position += 4;
    }

    public void Uuid(Guid value)
    {
        var span = Field(16);
        value.TryWriteBytes(span, bigEndian: true, out _);
    }

    public void Uuid(Guid? value)
    {
        if (value is { } v)
        {
            Uuid(v);
        }
        else
        {
            Null();
        }
    }

    public void Integer4(int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);

    public void BigInt(long value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), value);

    public void BigInt(long? value)
    {
        if (value is { } v)
        {
            BigInt(v);
        }
        else
        {
            Null();
        }
    }

    public void Bool(bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void Timestamp(DateTimeOffset value) => BigInt((value.UtcTicks - PostgresEpochTicks) / 10);

    public void Timestamp(DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Timestamp(v);
        }
        else
        {
            Null();
        }
    }

    /// <summary>date: days since 2000-01-01.</summary>
    public void Date(DateOnly? value)
    {
        if (value is { } v)
        {
            Integer4(v.DayNumber - PostgresEpochDay);
        }
        else
        {
            Null();
        }
    }

    /// <summary>text and varchar: UTF-8 bytes.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        _position += 4 + length;
    }

    /// <summary>Writes the trailer and ends the COPY; the rows are committed with it.</summary>
    public void Complete()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        Flush();
        _completed = true;
        _stream.Dispose();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _stream.Cancel();
            _stream.Dispose();
        }
    }

    private Span<byte> Field(int length)
    {
        Ensure(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        var span = _buffer.AsSpan(_position + 4, length);
        _position += 4 + length;
        return span;
    }

    private void Ensure(int bytes)
    {
        if (_position + bytes <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (bytes > _buffer.Length)
        {
            _buffer = new byte[Math.Max(bytes, _buffer.Length * 2)];
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _position);
        _position = 0;
    }
}
