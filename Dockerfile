# The all-in-one platform image. Build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app illajwala && chown illajwala /app
COPY platform/target/illajwala-platform.jar /app/illajwala-platform.jar
USER illajwala
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/illajwala-platform.jar"]
