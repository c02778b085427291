package io.fleetplan.bootstrap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The validator of commands, built the first time a command is checked instead of at start-up:
 * building Hibernate Validator loads some 600 classes, and starting a server checks no command. A
 * value of one of the JDK's own types (a use case with no command passes a plain string) carries no
 * constraints, so it is answered without building it.
 */
final class LazyValidator implements Validator {
    private final Supplier<Validator> build;
    private volatile Validator built;

    LazyValidator(Supplier<Validator> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
        if (object != null && object.getClass().getClassLoader() == null) {
            return Set.of();
        }
        return validator().validate(object, groups);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
        return validator().validateProperty(object, propertyName, groups);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
                                                         Class<?>... groups) {
        return validator().validateValue(beanType, propertyName, value, groups);
    }

    @Override
    public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
        return validator().getConstraintsForClass(clazz);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return validator().unwrap(type);
    }

    @Override
    public ExecutableValidator forExecutables() {
        return validator().forExecutables();
    }

    /** Whether the validator has been built. */
    boolean isBuilt() {
        return built != null;
    }

    private Validator validator() {
        Validator validator = built;
        if (validator == null) {
            synchronized (this) {
                validator = built;
                if (validator == null) {
                    validator = Objects.requireNonNull(build.get(), "validator");
                    built = validator;
                }
            }
        }
        return validator;
    }
}
