using System;
using System.Net;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    /// <summary>The one map from an HTTP status to an exception, with the server's own message.</summary>
    internal static class ErrorMapper
    {
        public static HeatException FromResponse(HttpStatusCode status, string reason, string body, string method, Uri uri)
        {
            ReadMessage(body, out var message, out var type);
            if (string.IsNullOrWhiteSpace(message))
            {
                message = string.IsNullOrWhiteSpace(reason) ? $"HTTP {(int)status}" : reason;
            }
            var code = (int)status;
            switch (code)
            {
                case 400: return new HeatBadRequestException(status, message, type, method, uri);
                case 401: return new HeatAuthenticationException(status, message, type, method, uri);
                case 403: return new HeatForbiddenException(status, message, type, method, uri);
                case 404: return new HeatNotFoundException(status, message, type, method, uri);
                case 409: return new HeatConflictException(status, message, type, method, uri);
            }
            if (code >= 500) return new HeatServerException(status, message, type, method, uri);
            return new HeatException(status, message, type, method, uri);
        }

        /// <summary>
        /// Heat: <c>{"explanation": ..., "error": {"message": ..., "type": ...}, "title": ...}</c>;
        /// Keystone: <c>{"error": {"code": 401, "message": ..., "title": ...}}</c>; anything else: the text itself.
        /// </summary>
        internal static void ReadMessage(string body, out string message, out string type)
        {
            message = null;
            type = null;
            if (string.IsNullOrWhiteSpace(body)) return;
            JToken json = null;
            try
            {
                json = HeatJson.Parse(body);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // Not JSON: an HTML error page from a proxy, or plain text from the WSGI server.
            }
            if (json is JObject obj)
            {
                var error = obj["error"];
                if (error is JObject errorObj)
                {
                    message = errorObj.Str("message");
                    type = errorObj.Str("type") ?? errorObj.Str("title");
                }
                else if (error != null && error.Type == JTokenType.String)
                {
                    message = (string)error;
                }
                message = FirstNonEmpty(message, obj.Str("explanation"), obj.Str("message"), obj.Str("title"));
                // Some errors nest one level more (badRequest, itemNotFound ...).
                if (message == null)
                {
                    foreach (var property in obj.Properties())
                    {
                        if (property.Value is JObject inner && inner.Str("message") != null)
                        {
                            message = inner.Str("message");
                            break;
                        }
                    }
                }
            }
            if (message == null)
            {
                // Not a JSON error: an HTML page from a proxy, or plain text from the WSGI server.
                var text = StripMarkup(body);
                message = text.Length > 500 ? text.Substring(0, 500) + "..." : text;
                return;
            }
            message = StripMarkup(message);
        }

        /// <summary>Heat's WSGI layer puts HTML (<c>&lt;br /&gt;</c>) into some JSON messages.</summary>
        private static string StripMarkup(string text)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ");
            text = System.Net.WebUtility.HtmlDecode(text);
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        }

        private static string FirstNonEmpty(params string[] values)
        {
            foreach (var v in values)
            {
                if (!string.IsNullOrWhiteSpace(v)) return v;
            }
            return null;
        }
    }
}
