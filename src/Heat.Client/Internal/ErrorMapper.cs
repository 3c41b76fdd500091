using System;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    /// <summary>The one map from an HTTP status to an exception, with the server's own message.</summary>
    internal static class ErrorMapper
    {
        /// <summary>What a server's error text may put on a user's screen or log: this many characters at most.</summary>
        internal const int MaxMessageLength = 1000;

        public static HeatException FromResponse(HttpStatusCode status, string? reason, string? body, string method, Uri uri, TimeSpan? retryAfter = null)
        {
            ReadMessage(body, out var message, out var type);
            if (Strings.IsNullOrWhiteSpace(message))
            {
                message = Strings.IsNullOrWhiteSpace(reason) ? $"HTTP {(int)status}" : Clean(reason);
            }
            var error = Create((int)status, status, message, type, method, uri);
            // Gateways and rate limits say "not now", not "no": the same request may succeed in a moment.
            error.IsTransient = (int)status == 429 || (int)status == 502 || (int)status == 503 || (int)status == 504;
            // 429 means the server did not take the request; a gateway's 502/504 or a 503 may come after the
            // request reached Heat.
            error.MayHaveBeenProcessed = (int)status >= 500;
            error.RetryAfter = retryAfter;
            return error;
        }

        private static HeatException Create(int code, HttpStatusCode status, string message, string? type, string method, Uri uri)
        {
            switch (code)
            {
                case 400: return new HeatBadRequestException(status, message, type, method, uri);
                case 401: return new HeatAuthenticationException(status, message, type, method, uri);
                case 403: return new HeatForbiddenException(status, message, type, method, uri);
                case 404: return new HeatNotFoundException(status, message, type, method, uri);
                case 409: return new HeatConflictException(status, message, type, method, uri);
                // Heat (or a proxy) answered and refused what was sent: too large, a URL too long, unprocessable.
                case 413:
                case 414:
                case 422: return new HeatBadRequestException(status, message, type, method, uri);
            }
            if (code >= 500) return new HeatServerException(status, message, type, method, uri);
            return new HeatException(status, message, type, method, uri);
        }

        /// <summary>
        /// Heat: <c>{"explanation": ..., "error": {"message": ..., "type": ...}, "title": ...}</c>;
        /// Keystone: <c>{"error": {"code": 401, "message": ..., "title": ...}}</c>; anything else: the text itself.
        /// </summary>
        internal static void ReadMessage(string? body, out string? message, out string? type)
        {
            message = null;
            type = null;
            if (Strings.IsNullOrWhiteSpace(body)) return;
            JToken? json = null;
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
                    message = (string?)error;
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
                message = Clean(body);
                return;
            }
            message = Clean(message);
            type = type == null ? null : Clean(type);
        }

        /// <summary>
        /// Server text made fit for a message and a log: no markup (Heat's WSGI layer puts <c>&lt;br /&gt;</c> into some
        /// JSON messages), no control character or invisible mark (<see cref="TerminalText"/>, the rule for everything
        /// shown), one line, and at most <see cref="MaxMessageLength"/> characters.
        /// </summary>
        [return: NotNullIfNotNull("text")]
        internal static string? Clean(string? text)
        {
            if (text == null) return null;
            if (text.Length > MaxMessageLength * 8) text = text.Substring(0, MaxMessageLength * 8);
            text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ");
            text = System.Net.WebUtility.HtmlDecode(text);
            text = System.Text.RegularExpressions.Regex.Replace(TerminalText.Line(text), @"\s+", " ").Trim();
            return text.Length > MaxMessageLength ? text.Substring(0, MaxMessageLength) + "..." : text;
        }

        private static string? FirstNonEmpty(params string?[] values)
        {
            foreach (var v in values)
            {
                if (!Strings.IsNullOrWhiteSpace(v)) return v;
            }
            return null;
        }
    }
}
