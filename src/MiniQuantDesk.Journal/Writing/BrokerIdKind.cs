namespace MiniQuantDesk.Journal.Writing;

/// <summary>Which of the broker's interned ids a handle stands for, so the journal can write the broker's own text.</summary>
public enum BrokerIdKind : byte
{
    /// <summary>A message id (<c>inbox.broker_message_id</c>, <c>broker_cursor.cursor</c>).</summary>
    Message = 1,

    /// <summary>An execution (fill) id (<c>inbox.broker_fill_id</c>).</summary>
    Fill = 2,

    /// <summary>An order id (<c>broker_order_map.broker_order_id</c>).</summary>
    Order = 3,
}
