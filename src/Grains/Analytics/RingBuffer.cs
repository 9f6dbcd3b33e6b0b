namespace Pricing.Grains.Analytics;

/// <summary>
/// A fixed-capacity FIFO of values: adding to a full ring evicts the oldest, and returns it, so
/// rolling sums stay O(1). Storage is allocated once.
/// </summary>
internal sealed class RingBuffer<T>(int capacity) where T : struct
{
    private readonly T[] _items = new T[capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity))];
    private int _head; // index of the oldest item
    private int _count;

    public int Capacity => _items.Length;

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>Item <paramref name="index"/>, 0 being the oldest.</summary>
    public T this[int index] => _items[(_head + index) % _items.Length];

    public T Newest => _count > 0 ? this[_count - 1] : throw new InvalidOperationException("The ring is empty.");

    /// <summary>Adds <paramref name="item"/>; when full, evicts the oldest into <paramref name="evicted"/> and returns true.</summary>
    public bool Add(T item, out T evicted)
    {
        if (_count < _items.Length)
        {
            _items[(_head + _count) % _items.Length] = item;
            _count++;
            evicted = default;
            return false;
        }

        evicted = _items[_head];
        _items[_head] = item;
        _head = (_head + 1) % _items.Length;
        return true;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }
}
