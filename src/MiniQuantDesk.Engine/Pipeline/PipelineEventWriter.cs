namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>Writes an event's input fields into a ring slot.</summary>
/// <typeparam name="TState">What the writer needs, passed without a closure.</typeparam>
public delegate void PipelineEventWriter<in TState>(ref PipelineEvent slot, TState state);
