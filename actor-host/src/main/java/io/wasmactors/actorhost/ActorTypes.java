package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.ActorType;
import io.dapr.actors.runtime.ActorFactory;
import io.dapr.actors.runtime.ActorRuntime;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.wasmactors.actors.FunctionActor;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Registers one Dapr actor type per function. The Java SDK takes an actor's type
 * name from its class, so each function gets a generated subclass of
 * {@link FunctionActorBase} annotated {@code @ActorType(name = function)}.
 */
final class ActorTypes {
    private ActorTypes() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void register(ActorRuntime runtime, String function, ActorServices services) {
        Class<? extends FunctionActorBase> type = generate(function);
        Constructor<? extends FunctionActorBase> constructor = constructorOf(type);
        ActorFactory factory = (context, id) -> create(constructor, context, id, services);
        runtime.registerActor((Class) type, factory);
    }

    private static Class<? extends FunctionActorBase> generate(String function) {
        return new ByteBuddy()
                .subclass(FunctionActorBase.class, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_PUBLIC)
                // The SDK reads the actor's methods from the interfaces the class itself declares.
                .implement(FunctionActor.class)
                .name(FunctionActorBase.class.getPackageName() + ".generated.FunctionActor$" + function.replace('-', '_'))
                .annotateType(AnnotationDescription.Builder.ofType(ActorType.class).define("name", function).build())
                .make()
                .load(FunctionActorBase.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
    }

    private static Constructor<? extends FunctionActorBase> constructorOf(Class<? extends FunctionActorBase> type) {
        try {
            return type.getConstructor(ActorRuntimeContext.class, ActorId.class, ActorServices.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("generated actor class lacks its constructor", e);
        }
    }

    private static FunctionActorBase create(Constructor<? extends FunctionActorBase> constructor,
                                            ActorRuntimeContext<?> context, ActorId id, ActorServices services) {
        try {
            return constructor.newInstance(context, id, services);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create actor " + id, e);
        }
    }
}
