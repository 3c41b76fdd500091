using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace Heat.ModuleLoad
{
    /// <summary>Calls into the module's assemblies by name, as a script does: nothing of theirs is compiled in.</summary>
    internal static class Late
    {
        public static object New(Assembly assembly, string typeName) => Activator.CreateInstance(assembly.GetType(typeName, true));

        public static object Get(object target, string property) => target.GetType().GetProperty(property).GetValue(target);

        public static void Set(object target, string property, object value) => target.GetType().GetProperty(property).SetValue(target, value);

        public static object CallStatic(Assembly assembly, string typeName, string method, params object[] arguments) =>
            Invoke(assembly.GetType(typeName, true).GetMethod(method, BindingFlags.Public | BindingFlags.Static), null, arguments);

        public static object Call(object target, string method, Type[] signature, params object[] arguments) =>
            Invoke(target.GetType().GetMethod(method, signature), target, arguments);

        /// <summary>The result of a Task&lt;T&gt;, waited for as a cmdlet waits; its own exception, not a wrapper.</summary>
        public static object Await(object task)
        {
            ((Task)task).GetAwaiter().GetResult();
            return task.GetType().GetProperty("Result").GetValue(task);
        }

        private static object Invoke(MethodInfo method, object target, object[] arguments)
        {
            try
            {
                return method.Invoke(target, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
