using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Heat.Client.Internal
{
    internal static class Secrets
    {
        /// <summary>Reads a SecureString only at the moment a request body or header needs it.</summary>
        public static string Reveal(SecureString secure)
        {
            if (secure == null) return null;
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
