namespace Pricing.Grains.Analytics;

/// <summary>Binary writer for analytics state: compact, exact for decimals and doubles, no reflection.</summary>
internal sealed class StateWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter _writer = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);

    public void Write(int value) => _writer.Write(value);

    public void Write(long value) => _writer.Write(value);

    public void Write(double value) => _writer.Write(value);

    public void Write(decimal value) => _writer.Write(value);

    public void Write(bool value) => _writer.Write(value);

    public void Write(string value) => _writer.Write(value);

    public void Dispose() => _writer.Dispose();
}

/// <summary>Reads what <see cref="StateWriter"/> wrote.</summary>
internal sealed class StateReader(Stream stream) : IDisposable
{
    private readonly BinaryReader _reader = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);

    public int ReadInt32() => _reader.ReadInt32();

    public long ReadInt64() => _reader.ReadInt64();

    public double ReadDouble() => _reader.ReadDouble();

    public decimal ReadDecimal() => _reader.ReadDecimal();

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
