namespace Pricing.Grains.Analytics;

/// <summary>
/// Binary writer for analytics state, compact because every changed symbol's state is written
/// each checkpoint: integers as zig-zag varints, decimals as a scale-and-sign byte followed by
/// a varint mantissa (a price like 230.05 takes 4 bytes instead of 16). Exact round trip for
/// decimals (including their scale) and doubles; no reflection.
/// </summary>
internal sealed class StateWriter(Stream stream) : IDisposable
{
    private const byte NegativeFlag = 0x80;
    private const byte WideFlag = 0x40;
    private readonly BinaryWriter _writer = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);

    public void Write(int value) => Write((long)value);

    public void Write(long value) => _writer.Write7BitEncodedInt64((value << 1) ^ (value >> 63));

    public void Write(double value) => _writer.Write(value);

    public void Write(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0x1F);
        var negative = bits[3] < 0;
        var high = (uint)bits[2];
        _writer.Write((byte)(scale | (negative ? NegativeFlag : 0) | (high != 0 ? WideFlag : 0)));
        _writer.Write7BitEncodedInt64((long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
        if (high != 0)
        {
            _writer.Write7BitEncodedInt64(high);
        }
    }

    public void Write(bool value) => _writer.Write(value);

    public void Write(string value) => _writer.Write(value);

    public void Dispose() => _writer.Dispose();
}

/// <summary>Reads what <see cref="StateWriter"/> wrote.</summary>
internal sealed class StateReader(Stream stream) : IDisposable
{
    private readonly BinaryReader _reader = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);

    public int ReadInt32() => checked((int)ReadInt64());

    public long ReadInt64()
    {
        var zigZag = (ulong)_reader.Read7BitEncodedInt64();
        return (long)(zigZag >> 1) ^ -(long)(zigZag & 1);
    }

    public double ReadDouble() => _reader.ReadDouble();

    public decimal ReadDecimal()
    {
        var flags = _reader.ReadByte();
        var low = (ulong)_reader.Read7BitEncodedInt64();
        var high = (flags & 0x40) != 0 ? (int)(uint)_reader.Read7BitEncodedInt64() : 0;
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), high, (flags & 0x80) != 0, (byte)(flags & 0x1F));
    }

    public bool ReadBoolean() => _reader.ReadBoolean();

    public string ReadString() => _reader.ReadString();

    /// <summary>Reads a parameter written with the state and checks it against the configured one.</summary>
    public void Expect(long configured, string what)
    {
        var stored = ReadInt64();
        if (stored != configured)
        {
            throw new StateShapeChangedException($"{what} was {stored} when the state was written and is {configured} now");
        }
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>The stored state was written under different analytics settings and cannot continue them.</summary>
internal sealed class StateShapeChangedException(string message) : Exception(message);
