package dev.switchboard.channels.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The server's part in chat tests: records every call as a line of text and keeps each chat's lines. */
final class RecordingListener implements ChatListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<ChatVisitor> visitors = new CopyOnWriteArrayList<>();
    private final Map<Long, List<ChatLine>> lines = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    volatile String refuseWith;
    /** Runs inside {@code started}, before the id is returned (what the server may do meanwhile). */
    volatile java.util.function.LongConsumer whileStarting;

    @Override
    public long started(ChatVisitor visitor) {
        if (refuseWith != null) {
            throw new ChatRefused(refuseWith);
        }
        long id = ids.incrementAndGet();
        if (whileStarting != null) {
            whileStarting.accept(id);
        }
        visitors.add(visitor);
        names.put(id, visitor.name());
        lines.put(id, new CopyOnWriteArrayList<>());
        calls.add("started " + id);
        return id;
    }

    @Override
    public void message(long conversation, String clientId, String text) {
        List<ChatLine> chat = lines.get(conversation);
        if (chat.stream().noneMatch(l -> l.id().equals(clientId))) {
            chat.add(new ChatLine(clientId, true, names.get(conversation), text, Instant.now()));
        }
        calls.add("message " + conversation + " " + text);
    }

    @Override
    public void typing(long conversation, boolean typing) {
        calls.add("typing " + conversation + " " + typing);
    }

    @Override
    public void page(long conversation, String page) {
        calls.add("page " + conversation + " " + page);
    }

    @Override
    public void connection(long conversation, boolean connected) {
        calls.add("connection " + conversation + " " + connected);
    }

    @Override
    public void left(long conversation, boolean byVisitor) {
        calls.add("left " + conversation + " " + byVisitor);
    }

    @Override
    public List<ChatLine> history(long conversation) {
        return new ArrayList<>(lines.getOrDefault(conversation, List.of()));
    }

    /** What the server does when an agent writes: keep the line, then hand it to the gateway. */
    boolean agentSays(ChatGateway gateway, long conversation, String id, String agent, String text) {
        ChatLine line = new ChatLine(id, false, agent, text, Instant.now());
        lines.get(conversation).add(line);
        return gateway.agentMessage(conversation, id, agent, text, line.at());
    }

    long lastConversation() {
        return ids.get();
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
