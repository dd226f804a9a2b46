using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace DeepSeek.Runtime.Tests.Infrastructure
{
    /// <summary>One measurement a <see cref="MeterListener"/> saw.</summary>
    public sealed class RecordedMeasurement
    {
        public RecordedMeasurement(Instrument instrument, double value, IReadOnlyDictionary<string, object?> tags)
        {
            Instrument = instrument;
            Value = value;
            Tags = tags;
        }

        public Instrument Instrument { get; }

        public string Name => Instrument.Name;

        public double Value { get; }

        public IReadOnlyDictionary<string, object?> Tags { get; }

        public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Listens to the DeepSeek.Runtime meter. The listener sees every test's measurements, so <see cref="For"/> keeps only
    /// those tagged with one fake server's port.
    /// </summary>
    public sealed class MetricsRecorder : IDisposable
    {
        private readonly MeterListener listener = new MeterListener();
        private readonly ConcurrentQueue<RecordedMeasurement> measurements = new ConcurrentQueue<RecordedMeasurement>();

        public MetricsRecorder()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DeepSeekTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => Add(instrument, value, tags));
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => Add(instrument, value, tags));
            listener.Start();
        }

        public IReadOnlyList<RecordedMeasurement> All => measurements.ToArray();

        /// <summary>The measurements of the calls to <paramref name="server"/>.</summary>
        public IReadOnlyList<RecordedMeasurement> For(FakeDeepSeekServer server)
            => All.Where(m => m.Tag("server.port") == server.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        /// <summary>Runs the observable gauges' callbacks now.</summary>
        public void Observe() => listener.RecordObservableInstruments();

        public void Dispose() => listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            measurements.Enqueue(new RecordedMeasurement(instrument, value, copy));
        }
    }
}
