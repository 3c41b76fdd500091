using System.IO;
using Newtonsoft.Json;

namespace Heat.Client.Internal
{
    /// <summary>
    /// A JSON reader that stops past <see cref="HeatJson.MaxValues"/> values (objects, arrays, properties, scalars). The
    /// byte cap alone leaves a tree to build of up to 11 million objects from 32 MiB of <c>{}</c>, several GB; the values
    /// are counted as they are read, so the tree stops growing where the count does.
    /// </summary>
    internal sealed class BoundedJsonReader : JsonTextReader
    {
        private int _values;

        public BoundedJsonReader(TextReader reader) : base(reader)
        {
            DateParseHandling = DateParseHandling.None;
            MaxDepth = HeatJson.MaxDepth;
        }

        public override bool Read()
        {
            if (!base.Read())
            {
                return false;
            }
            switch (TokenType)
            {
                case JsonToken.EndObject:
                case JsonToken.EndArray:
                case JsonToken.Comment:
                    return true;
            }
            if (++_values > HeatJson.MaxValues)
            {
                throw new JsonReaderException($"The document holds more than {HeatJson.MaxValues} values (objects, arrays, names and " +
                    "scalars together), far more than any answer of Heat's; it is not read further.");
            }
            return true;
        }
    }
}
