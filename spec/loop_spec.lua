-- proxylua.loop: tasks on an epoll loop, HAProxy's yield rules, forced
-- yields and execution timeouts (docs/haproxy-runtime.md §1.1, §1.2, §1.4,
-- §1.5), virtual clock, descriptor waits, errors. Asserts read the loop's
-- own clock and counters; the only real-time bounds are the generous ones
-- the issue asks for (1,000 sleepers within 3 sleep periods, an idle wait using no CPU).
local loop = require "proxylua.loop"
local PL = require "spec.helpers.pl_lua"
local loop_sched = require "proxylua.loop_sched"

local function errmsg(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok)
  return (tostring(err):gsub("^[^:]*:%d+: ", ""))
end

describe("proxylua.loop", function()
  describe("tasks", function()
    it("runs spawned functions with their arguments, in spawn order", function()
      local l = loop.new{ virtual = true }
      local log = {}
      local t1 = l:spawn(function(a, b) log[#log + 1] = a .. b end, "x", "y")
      local t2 = l:spawn(function(...) log[#log + 1] = select("#", ...) end)
      assert.equal(2, l:count())
      assert.equal("ready", t1:status())
      local done, pending = l:run()
      assert.is_true(done)
      assert.equal(0, pending)
      assert.same({ "xy", 0 }, log)
      assert.equal("done", t1:status())
      assert.equal("done", t2:status())
      assert.equal(1, t1:stats().resumes)
    end)

    it("wakes equal deadlines in spawn order and yield() round-robins", function()
      local l = loop.new{ virtual = true }
      local log = {}
      for i = 1, 5 do
        l:spawn(function() l:msleep(10); log[#log + 1] = i end)
      end
      l:run()
      assert.same({ 1, 2, 3, 4, 5 }, log)
      log = {}
      for _, name in ipairs{ "a", "b" } do
        l:spawn(function()
          for i = 1, 3 do log[#log + 1] = name .. i; l:yield() end
        end)
      end
      l:run()
      assert.same({ "a1", "b1", "a2", "b2", "a3", "b3" }, log)
    end)

    it("runs background tasks while other work runs, never for their own sake", function()
      local l = loop.new{ virtual = true }
      local log = {}
      l:spawn({ background = true }, function()
        for i = 1, 3 do l:sleep(10); log[#log + 1] = "bg" .. i end
      end)
      local t0 = l:now()
      assert.same({ true, 1 }, { l:run() })          -- only a background task: done
      assert.same({}, log)
      assert.equal(t0, l:now())
      l:spawn(function() l:sleep(25); log[#log + 1] = "fg" end)
      assert.same({ true, 1 }, { l:run() })
      assert.same({ "bg1", "bg2", "fg" }, log)
      assert.equal(t0 + 25, l:now())
      l:close()
    end)

    it("lets a task spawn tasks and cancel a sleeping one", function()
      local l = loop.new{ virtual = true }
      local log, victim = {}, nil
      victim = l:spawn(function() l:sleep(5); log[#log + 1] = "victim woke" end)
      l:spawn(function()
        l:spawn(function() log[#log + 1] = "child" end)
        l:sleep(1)
        assert.equal("sleeping", victim:status())
        log[#log + 1] = tostring(l:cancel(victim))
      end)
      assert.is_true(l:run())
      assert.same({ "child", "true" }, log)
      assert.equal("cancelled", victim:status())
      assert.is_false(l:cancel(victim))
      assert.equal(0, l:count())
    end)

    it("adopts a suspended coroutine and reports its end through done", function()
      local l = loop.new{ virtual = true }
      local co = coroutine.create(function(x)
        local y = coroutine.yield("first")
        l:msleep(5)
        return x + y, "end"
      end)
      assert.same({ true, "first" }, { coroutine.resume(co, 5) })
      local got = {}
      l:spawn({ done = function(...) got.ok = { ... } end }, co, 10)
      l:spawn({ done = function(...) got.err = { ... } end }, function() error("bad", 0) end)
      l:run()
      assert.same({ ok = { true, 15, "end" }, err = { false, "bad" } }, got)
      assert.same({}, (l:errors()))
      assert.equal("coroutine is not suspended",
        errmsg(l.spawn, l, co):match("%((.*)%)"))
    end)
  end)

  describe("1,000 concurrent sleepers", function()
    local function sleepers(l, n, secs)
      local woke, t0 = {}, l:now()
      for i = 1, n do
        l:spawn(function() l:sleep(secs); woke[#woke + 1] = l:now() - t0 end)
      end
      assert.equal(n, l:count())
      local done = l:run()
      return done, woke, l:now() - t0
    end

    it("finish in exactly one sleep period on the virtual clock", function()
      local done, woke, elapsed = sleepers(loop.new{ virtual = true }, 1000, 0.1)
      assert.is_true(done)
      assert.equal(1000, #woke)
      assert.near(0.1, elapsed, 1e-6)
      for i = 1, #woke do assert.near(0.1, woke[i], 1e-6) end
    end)

    it("finish in about one sleep period on the real clock", function()
      local done, woke, elapsed = sleepers(loop.new(), 1000, 0.1)
      assert.is_true(done)
      assert.equal(1000, #woke)
      assert.is_true(elapsed >= 0.1, "woke early: " .. elapsed)
      -- one after another they would take 100 s; a loaded CI may stretch the
      -- one shared period, so the bound proves concurrency, not speed
      assert.is_true(elapsed < 10, "took " .. elapsed .. " s for one 0.1 s sleep")
    end)
  end)

  describe("virtual clock", function()
    it("makes sleep(60) take no real time, with now() following it", function()
      local l = loop.new{ virtual = true }
      assert.is_true(l:is_virtual())
      local real0, t0 = os.time(), l:now()
      local s0, us0 = l:clock()
      local seen
      l:spawn(function() l:sleep(60); seen = l:now() - t0 end)
      l:spawn(function() l:sleep(3600) end)
      assert.is_true(l:run())
      assert.near(60, seen, 1e-6)
      assert.near(3600, l:now() - t0, 1e-6)
      local s1, us1 = l:clock()
      assert.equal(3600, s1 - s0)
      assert.equal(us0, us1)
      assert.is_true(os.time() - real0 <= 2)
    end)

    it("stops at a deadline, steps, and advances by hand", function()
      local l = loop.new{ virtual = true }
      local t0, woke = l:now(), 0
      l:spawn(function() l:sleep(10); woke = woke + 1 end)
      local done, pending = l:run(5)
      assert.is_false(done)
      assert.equal(1, pending)
      assert.near(5, l:now() - t0, 1e-6)
      l:advance(5)
      assert.equal(0, woke)
      assert.same({ true, 0 }, { l:step() })   -- the due timer fires
      assert.equal(1, woke)
      assert.near(10, l:now() - t0, 1e-6)
      assert.equal("advance needs a virtual clock",
        errmsg(loop.new().advance, loop.new(), 1))
    end)

    it("gives wall-clock-scale seconds", function()
      local l = loop.new{ virtual = true }
      assert.is_true(math.abs(l:now() - os.time()) < 5)
    end)
  end)

  describe("virtual clock at its end", function()
    it("saturates instead of overflowing (a descriptor wait, now, clock, the seam's now)", function()
      local l = loop.new{ virtual = true }
      l:advance(1e300)
      local r, w = loop._pipe()
      loop._write(w, "x")
      local got
      l:spawn(function() got = l:wait(r, "r") end)
      assert.same({ true, 0 }, { l:run() })
      assert.is_true(got)
      local s, us = l:clock()
      assert.equal(math.maxinteger // 1000000000, s)
      assert.equal(math.maxinteger % 1000000000 // 1000, us)
      assert.is_true(l:now() > 9e9)
      assert.equal(l:now(), l:scheduler().now())
      loop._close(r); loop._close(w)
    end)
  end)

  describe("a loop closed by a finalizer", function()
    it("while spawn allocates refuses the task instead of arming it on the freed loop", function()
      -- in a fresh small state (spec/fixtures/finalizer_reentry.lua), where
      -- an eager collector runs the finalizers inside the calls
      assert.equal("loop is closed\n0\n", PL.run_file("spec/fixtures/finalizer_reentry.lua", "loop_spawn"))
    end)
  end)

  describe("idle loop", function()
    it("burns no CPU while waiting 0.3 s on a timer", function()
      local l = loop.new()
      local t0 = l:now()
      l:spawn(function() l:sleep(0.3) end)
      collectgarbage("collect"); collectgarbage("stop")  -- see runtime_spec: GC is not the loop
      local c0 = os.clock()
      l:run()
      local cpu = os.clock() - c0
      collectgarbage("restart")
      local wall = l:now() - t0
      assert.is_true(wall >= 0.3)
      assert.is_true(cpu < wall / 10, ("idle wait of %.3f s used %.4f s of CPU"):format(wall, cpu))
    end)
  end)

  describe("descriptor waits", function()
    it("wakes a reader when another task writes to the pipe", function()
      local l = loop.new()
      local r, w = loop._pipe()
      local got, ready = nil, nil
      l:spawn(function() ready = l:wait(r, "r", 5); got = loop._read(r) end)
      l:spawn(function() l:msleep(20); loop._write(w, "hello") end)
      assert.is_true(l:run())
      assert.is_true(ready)
      assert.equal("hello", got)
      loop._close(r); loop._close(w)
    end)

    it("times out, reports writability and hang-up", function()
      local l = loop.new{ virtual = true }
      local r, w = loop._pipe()
      local res = {}
      l:spawn(function()
        res.timeout = { l:wait(r, "r", 0.05) }
        res.writable = { l:wait(w, "w") }
        loop._close(w)
        res.hup = { l:wait(r, "r", 1) }
        res.eof = loop._read(r)
      end)
      assert.is_true(l:run())
      assert.same({ nil, "timeout" }, res.timeout)
      assert.same({ true }, res.writable)
      assert.same({ true }, res.hup)
      assert.equal("", res.eof)
      loop._close(r)
    end)

    it("serves a reader and a writer on one fd, refuses a second reader", function()
      local l = loop.new()
      local r, w = loop._pipe()
      local res = {}
      l:spawn(function() res.a = l:wait(r, "r", 1) end)
      l:spawn(function() res.b = errmsg(l.wait, l, r, "r") end)
      l:spawn(function() l:msleep(10); loop._write(w, "x") end)
      l:run()
      assert.is_true(res.a)
      assert.equal(("descriptor %d already has a waiting reader"):format(r), res.b)
      loop._close(r); loop._close(w)
    end)

    it("returns nil, msg for descriptors epoll refuses", function()
      local l = loop.new()
      local r, w = loop._pipe()
      loop._close(r); loop._close(w)
      local res
      l:spawn(function() res = { l:wait(r, "r", 1) } end)
      l:run()
      assert.same({ nil, "Bad file descriptor" }, res)
      assert.matches("invalid option 'x'", errmsg(l.wait, l, 0, "x"))
    end)
  end)

  describe("select on several descriptors", function()
    it("wakes for the second fd while the first stays idle, reading nothing", function()
      local l = loop.new()
      local r1, w1 = loop._pipe()
      local r2, w2 = loop._pipe()
      local res = {}
      l:spawn(function()
        res.sel = { l:select({ r1, r2 }, nil, 5) }
        res.data = loop._read(r2)
        res.idle = { l:select({ r1 }, nil, 0) }
      end)
      l:spawn(function() l:msleep(20); loop._write(w2, "two") end)
      assert.is_true(l:run())
      assert.same({ { 2 }, {} }, res.sel)
      assert.equal("two", res.data)
      assert.same({ nil, "timeout" }, res.idle)
      for _, fd in ipairs({ r1, w1, r2, w2 }) do loop._close(fd) end
    end)

    it("answers at once from anywhere when something is ready, or for a timeout of 0", function()
      local l = loop.new()
      local r1, w1 = loop._pipe()
      local r2, w2 = loop._pipe()
      assert.same({ nil, "timeout" }, { l:select({ r1, r2 }, nil, 0) })
      assert.same({ {}, { 1, 2 } }, { l:select({ r1 }, { w1, w2 }, 0) })
      loop._write(w1, "x")
      assert.same({ { 1, 2 }, { 1 } }, { l:select({ r1, r1, r2 }, { w2 }, 3) })
      assert.same({ { 1 }, {} }, { l:select({ r1 }) })
      assert.matches("select: not called from a task of this loop", errmsg(l.select, l, { r2 }, nil, 1))
      assert.matches("invalid descriptor", errmsg(l.select, l, { "x" }))
      assert.matches("invalid descriptor", errmsg(l.select, l, nil, { -1 }))
      assert.matches("table expected", errmsg(l.select, l, 3))
      for _, fd in ipairs({ r1, w1, r2, w2 }) do loop._close(fd) end
      assert.same({ nil, "Bad file descriptor" }, { l:select({ r1 }, nil, 0) })
    end)

    it("times out, counts a hang-up, and leaves its descriptors to other waits", function()
      local l = loop.new{ virtual = true }
      local r1, w1 = loop._pipe()
      local r2, w2 = loop._pipe()
      local res = {}
      l:spawn(function()
        res.timeout = { l:select({ r1, r2 }, {}, 0.05) }
        res.after = { l:wait(r1, "r", 0.05) }
        loop._close(w2)
        res.hup = { l:select({ r1, r2 }, nil, 1) }
      end)
      assert.is_true(l:run())
      assert.same({ nil, "timeout" }, res.timeout)
      assert.same({ nil, "timeout" }, res.after)
      assert.same({ { 2 }, {} }, res.hup)
      for _, fd in ipairs({ r1, w1, r2 }) do loop._close(fd) end
    end)

    it("holds the reader slot of each descriptor until it wakes or is cancelled", function()
      local l = loop.new()
      local r1, w1 = loop._pipe()
      local r2, w2 = loop._pipe()
      local res = {}
      local sel = l:spawn(function() res.sel = { l:select({ r1, r2 }, nil, 5) } end)
      l:spawn(function()
        l:msleep(5)
        res.second = errmsg(l.wait, l, r2, "r")
        assert.is_true(l:cancel(sel))
        res.after = { l:wait(r2, "r", 0.02) }
        res.both = { l:select({ r1, r2 }, { w1 }, 1) }
      end)
      assert.is_true(l:run())
      assert.is_nil(res.sel)
      assert.equal(("descriptor %d already has a waiting reader"):format(r2), res.second)
      assert.same({ nil, "timeout" }, res.after)
      assert.same({ {}, { 1 } }, res.both)
      for _, fd in ipairs({ r1, w1, r2, w2 }) do loop._close(fd) end
    end)

    it("waits again when what woke it was read first by another task", function()
      local l = loop.new()
      local r, w = loop._pipe()
      local res = {}
      l:spawn(function() res.sel = { l:select({ r }, nil, 5) }; res.data = loop._read(r) end)
      l:spawn(function()
        l:msleep(5)
        loop._write(w, "stolen")
        l:yield()                       -- the select's wake-up is queued behind us
        res.stolen = loop._read(r)
        l:msleep(20)
        loop._write(w, "kept")
      end)
      assert.is_true(l:run())
      assert.equal("stolen", res.stolen)
      assert.same({ { 1 }, {} }, res.sel)
      assert.equal("kept", res.data)
      loop._close(r); loop._close(w)
    end)

    it("is forgotten by a loop closed while it waits", function()
      local l = loop.new()
      local r, w = loop._pipe()
      l:spawn(function() l:select({ r }, { w }, nil) end)
      l:spawn(function() l:select({ r }, nil, 5) end)
      l:step(0)
      l:close()
      collectgarbage()
      loop._close(r); loop._close(w)
    end)
  end)

  describe("yield rules (haproxy-runtime.md §1.1, §1.2)", function()
    it("refuses to sleep outside a task of the loop", function()
      local l = loop.new{ virtual = true }
      assert.equal("sleep: not called from a task of this loop", errmsg(l.sleep, l, 1))
      local inner
      l:spawn(function()
        -- a coroutine the script made: HAProxy makes this a silent no-op;
        -- the loop refuses, and proxylua.core maps it to HAProxy's rule
        inner = errmsg(coroutine.wrap(function() l:msleep(1) end))
      end)
      l:run()
      assert.equal("msleep: not called from a task of this loop", inner)
    end)

    it("yields through pcall but not across a C call", function()
      local l = loop.new{ virtual = true }
      local t0, res = l:now(), {}
      l:spawn(function()
        res.pcall = { pcall(l.msleep, l, 200) }
        res.inner = { pcall(function() l:msleep(200); return "inner-done" end) }
        res.sort = { pcall(table.sort, { 3, 2, 1 }, function(a, b) l:msleep(10); return a < b end) }
      end)
      l:run()
      assert.same({ true }, res.pcall)
      assert.same({ true, "inner-done" }, res.inner)
      assert.same({ false, "attempt to yield across a C-call boundary" }, res.sort)
      assert.near(0.4, l:now() - t0, 1e-6)
    end)

    it("refuses to run a loop that is running", function()
      local l = loop.new{ virtual = true }
      local msg
      l:spawn(function() msg = errmsg(l.run, l) end)
      l:run()
      assert.equal("loop is already running", msg)
    end)
  end)

  describe("forced yield (haproxy-runtime.md §1.4)", function()
    -- a spinner counts how many turns its peer got while it was spinning
    local function spin(opts)
      local l = loop.new{ virtual = true }
      local ticks, seen = 0, 0
      local t = l:spawn(opts, function()
        for _ = 1, 200000 do seen = ticks end
      end)
      l:spawn(function() for _ = 1, 5 do ticks = ticks + 1; l:yield() end end)
      l:run()
      return t, seen
    end

    it("lets other tasks run while a task spins", function()
      local t, seen = spin{ forced_yield = 1000 }
      assert.equal(5, seen)              -- the peer finished mid-spin
      assert.is_true(t:stats().forced_yields >= 5)
      assert.equal("done", t:status())
    end)

    it("never yields without it", function()
      local t, seen = spin{}
      assert.equal(0, seen)
      assert.equal(0, t:stats().forced_yields)
    end)

    it("takes the loop default and false turns it off", function()
      local l = loop.new{ virtual = true, forced_yield = 500 }
      local a = l:spawn(function() for _ = 1, 10000 do end end)
      local b = l:spawn({ forced_yield = false }, function() for _ = 1, 10000 do end end)
      l:run()
      assert.is_true(a:stats().forced_yields > 0)
      assert.equal(0, b:stats().forced_yields)
    end)

    it("does not yield a coroutine the script made, nor inside a C call", function()
      local l = loop.new{ virtual = true }
      local res = {}
      local t = l:spawn({ forced_yield = 100 }, function()
        local co = coroutine.wrap(function()
          local n = 0
          for i = 1, 20000 do n = n + i end
          return n
        end)
        res.wrap = co()
        local arr = {}
        for i = 1, 300 do arr[i] = 301 - i end
        table.sort(arr, function(x, y) for _ = 1, 10 do end return x < y end)
        res.sorted = arr[1] == 1 and arr[300] == 300
      end)
      l:run()
      assert.same({ wrap = 200010000, sorted = true }, res)
      assert.same({}, (l:errors()))
      assert.equal("done", t:status())
    end)
  end)

  describe("execution timeout (haproxy-runtime.md §1.5)", function()
    it("stops a runaway loop with HAProxy's message", function()
      local l = loop.new()
      local peer = 0
      local t = l:spawn({ forced_yield = 1000, timeout = 0.05 }, function()
        while true do end
      end)
      l:spawn(function() for _ = 1, 3 do peer = peer + 1; l:msleep(5) end end)
      l:run()
      local errs = l:errors()
      assert.equal(1, #errs)
      assert.equal("execution timeout", errs[1].error)
      assert.is_true(errs[1].timeout)
      assert.equal(t, errs[1].task)
      assert.equal("thread", type(errs[1].thread))
      assert.equal("error", t:status())
      assert.is_true(t:stats().timed_out)
      assert.is_true(t:stats().run_time >= 0.05)
      assert.equal(3, peer)
      -- no [C] frame: the hook raised it
      assert.is_nil(errs[1].traceback:find("[C]", 1, true))
    end)

    -- checked live on HAProxy 2.6.12 (task-timeout 200, forced-yield 1000):
    -- sort / loop1 / loop2 / co / after printed exactly these values
    it("is caught by pcall, raised again at the next check, not in a script's coroutine", function()
      local l = loop.new{ timeout = 0.03, forced_yield = 1000 }
      local res = {}
      l:spawn(function()
        res[1] = { pcall(function() while true do end end) }
        res[2] = { pcall(function() for _ = 1, 100000 do end end) }
        local co = coroutine.create(function()
          local n = 0
          for i = 1, 200000 do n = n + i end
          return n
        end)
        res.co = { coroutine.resume(co) }
        res.after = true
      end)
      l:run()
      assert.same({ false, "execution timeout" }, res[1])
      assert.same({ false, "execution timeout" }, res[2])
      assert.same({ true, 20000100000 }, res.co)
      assert.is_true(res.after)
      assert.same({}, (l:errors()))
    end)

    it("fails an endless loop in a script's own coroutine where HAProxy's watchdog would kill", function()
      local l = loop.new{ forced_yield = 1000, timeout = 4, watchdog = 0.05 }
      local t = l:spawn(function()
        local ok, err = coroutine.resume(coroutine.create(function() while true do end end))
        for _ = 1, 10000 do end   -- back in the task: the next check fails it too
        return ok, err
      end)
      l:run()
      local errs = l:errors()
      assert.equal(1, #errs)
      assert.is_true(errs[1].watchdog)
      assert.equal("HAProxy's watchdog would kill the process here: Lua ran over 50 ms"
        .. " in a coroutine the script created, where execution timeouts do not apply", errs[1].error)
      assert.equal("error", t:status())
    end)

    it("counts Lua running time, not sleep", function()
      local l = loop.new()
      local t = l:spawn({ timeout = 0.05 }, function()
        l:sleep(0.1)
        for _ = 1, 1000 do end
        return "ok"
      end)
      l:run()
      assert.equal("done", t:status())
      assert.is_true(t:stats().run_time < 0.05)
      assert.same({}, (l:errors()))
    end)
  end)

  describe("loop.call: code that may not yield (fetches, converters)", function()
    it("returns pcall-style results and refuses yields", function()
      assert.same({ true, 3, "x" }, { loop.call(function(a, b) return a + b, "x" end, 1, 2) })
      assert.same({ false, "e" }, { loop.call(function() error("e", 0) end) })
      local co = coroutine.wrap(function()
        return loop.call(function() coroutine.yield(1) end)
      end)
      assert.same({ false, "attempt to yield across a C-call boundary" }, { co() })
    end)

    it("fails an endless loop where HAProxy's watchdog would kill, and restores hooks", function()
      local ok, err = loop.call({ watchdog = 0.05, where = "Lua sample-fetch 'f_loop'" },
        function() while true do end end)
      assert.is_false(ok)
      assert.equal("HAProxy's watchdog would kill the process here: Lua ran over 50 ms"
        .. " in Lua sample-fetch 'f_loop', where execution timeouts do not apply", err)
      assert.is_nil(debug.gethook())
    end)

    it("keeps a `where` given by an __index alive for the whole call", function()
      local opts = setmetatable({ watchdog = 0.02 }, { __index = function(_, k)
        if k == "where" then return "Lua action '" .. ("w"):rep(40) .. tostring(#k) .. "'" end
      end })
      local ok, err = loop.call(opts, function()
        collectgarbage(); collectgarbage()
        local junk = {}
        while true do junk[#junk % 64 + 1] = ("y"):rep(50) .. #junk end
      end)
      assert.is_false(ok)
      assert.equal("HAProxy's watchdog would kill the process here: Lua ran over 20 ms"
        .. " in Lua action '" .. ("w"):rep(40) .. "5', where execution timeouts do not apply", err)
    end)
  end)

  describe("errors in tasks", function()
    it("are collected with a traceback, and other tasks go on", function()
      local l = loop.new{ virtual = true }
      local other = false
      local t = l:spawn(function() l:msleep(1); error("boom") end)
      l:spawn(function() error({ code = 7 }) end)
      l:spawn(function() l:msleep(2); other = true end)
      assert.is_true(l:run())
      assert.is_true(other)
      local errs, lost = l:errors()
      assert.equal(0, lost)
      assert.equal(2, #errs)
      assert.same({ code = 7 }, errs[1].error)
      assert.matches("^spec/loop_spec.lua:%d+: boom$", errs[2].error)
      assert.matches("^spec/loop_spec.lua:%d+: boom\nstack traceback:\n", errs[2].traceback)
      assert.equal(t, errs[2].task)
      assert.equal("error", t:status())
      assert.is_false(errs[2].timeout)
      assert.same({}, (l:errors()))      -- errors() empties the list
    end)

    it("a task cancelled from its own done handler is left to finish (false), not freed under the loop", function()
      local l = loop.new{ virtual = true }
      local got = {}
      local h, h2
      h = l:spawn({ done = function(ok, v)
        got[#got + 1] = { ok, v, l:cancel(h) }
        h = nil
        collectgarbage(); collectgarbage()
      end }, function() return 1 end)
      h2 = l:spawn({ done = function(ok, e)
        got[#got + 1] = { ok, e, l:cancel(h2), h2:status() }
        h2 = nil
        collectgarbage(); collectgarbage()
      end }, function() error("e2", 0) end)
      assert.same({ true, 0 }, { l:run() })
      assert.same({ { true, 1, false }, { false, "e2", false, "running" } }, got)
      assert.same({}, (l:errors()))
    end)

    it("go to on_error when one is set; its own errors are kept", function()
      local got = {}
      local l = loop.new{ virtual = true, on_error = function(e, tb, task)
        got[#got + 1] = { e, type(tb), task:status() }
      end }
      l:spawn(function() error("x", 0) end)
      l:run()
      assert.same({ { "x", "string", "running" } }, got)
      l:on_error(function() error("handler failed", 0) end)
      l:spawn(function() error("y", 0) end)
      l:run()
      local errs = l:errors()
      assert.equal("y", errs[1].error)
      assert.equal("handler failed", errs[1].handler_error)
    end)
  end)

  describe("memory limit (tune.lua.maxmem, haproxy-runtime.md §1.6)", function()
    -- run under tests/host/pl-lua, whose allocator enforces a limit
    local script = [[
      local loop = require "proxylua.loop"
      local l = loop.new{ virtual = true }
      local after = {}
      collectgarbage(); collectgarbage()
      maxmem(memused() + 512 * 1024)
      l:spawn(function()                    -- fills a table until memory runs out
        local t = {}
        for i = 1, 1e8 do t[i] = { i } end
      end)
      l:spawn(function() l:msleep(1); local s = string.rep("x", 50 * 1024 * 1024) end)
      l:spawn(function() l:msleep(2); after[#after + 1] = "ran" end)
      print(l:run())
      local errs, lost = l:errors()
      print(#errs, lost, errs[1].memory, errs[1].error, errs[1].traceback, errs[1].thread)
      print(errs[2].error:find("not enough memory", 1, true) ~= nil, after[1])
      local hog = {}
      print(pcall(function() for i = 1, 1e8 do hog[i] = { i } end end))
      print(pcall(function() for _ = 1, 100 do l:spawn(function() end) end end))
      hog = nil
      collectgarbage(); collectgarbage()
      l:spawn(function() l:msleep(1); after[#after + 1] = "again" end)
      print(l:run(), after[2])
      maxmem(0)
    ]]

    it("fails the task that outgrows it, records it, and the loop goes on", function()
      local out, why = PL.run(script)
      if not out then return pending(why) end
      assert.equal(table.concat({
        "true\t0",
        "2\t0\ttrue\tnot enough memory\tnil\tnil",
        "true\tran",
        "false\tnot enough memory",
        "false\tnot enough memory",
        "true\tagain",
      }, "\n") .. "\n", out)
    end)
  end)

  describe("options and lifetime", function()
    it("checks spawn and new options", function()
      local l = loop.new()
      assert.matches("forced_yield must be a non%-negative integer",
        errmsg(l.spawn, l, { forced_yield = -1 }, print))
      assert.matches("timeout must be a non%-negative number",
        errmsg(l.spawn, l, { timeout = "x" }, print))
      assert.matches("function expected, got no value", errmsg(l.spawn, l))
      assert.matches("on_error must be a function", errmsg(loop.new, { on_error = 1 }))
    end)

    it("closes: pending tasks are cancelled and the loop refuses work", function()
      local l = loop.new{ virtual = true }
      local t = l:spawn(function() l:sleep(1) end)
      l:step()
      assert.equal("sleeping", t:status())
      l:close()
      l:close()
      assert.equal("cancelled", t:status())
      assert.equal("loop is closed", errmsg(l.run, l))
      assert.matches("^proxylua.loop %(closed%)", tostring(l))
      collectgarbage()
    end)
  end)

  describe("proxylua.loop_sched (core's seam)", function()
    it("runs core-style tasks on the loop with a fixed virtual start", function()
      local s = loop_sched.new{ virtual = true, now = 1700000000 }
      assert.same({ 1700000000, 0 }, { s:now() })
      local got
      local co = coroutine.create(function(a) s:sleep(60000); s:yield(); return "x" .. a end)
      s:spawn(co, function(...) got = { ... } end)
      -- spawn queues; the argument comes through a plain resume first
      assert.is_true(s:run())
      assert.same({ false }, { got[1] })
      co = coroutine.create(function() s:sleep(1000); return s:now_ms() end)
      s:spawn(co, function(...) got = { ... } end)
      assert.is_true(s:run())
      assert.same({ true, 1700000061000 }, got)
    end)

    it("runs proxylua.testing's tasks: interleaved, virtual time, HAProxy's timeout log", function()
      local okT, T = pcall(require, "proxylua.testing")
      if not okT then
        pending("proxylua.testing not built")
        return
      end
      local sched = loop_sched.new{ virtual = true, now = 1700000000,
                                    forced_yield = 1000, timeout = 0.05 }
      local h = T.load_string([[
        core.register_task(function()
          for i = 1, 3 do core.Info("tick " .. i); core.sleep(60) end
        end)
        core.register_task(function()
          local t = core.now(); core.msleep(1500)
          core.Info("slept " .. (core.now().sec - t.sec))
        end)
        core.register_task(function() while true do end end)
      ]], { sched = sched })
      h:start()
      assert.is_true(h:run_tasks())
      assert.same({
        "tick 1",
        "Lua task: [state-id 0] runtime error: execution timeout from script.lua:8: in function line 8.",
        "slept 1",
        "tick 2",
        "tick 3",
      }, h:log_messages())
      assert.same({ 1700000180, 0 }, { sched:now() })
    end)

    it("runs 1,000 concurrent proxylua.testing transactions in one sleep period", function()
      local okT, T = pcall(require, "proxylua.testing")
      if not okT then
        pending("proxylua.testing not built")
        return
      end
      for _, virtual in ipairs{ true, false } do
        local sched = loop_sched.new{ virtual = virtual, forced_yield = 10000, timeout = 4 }
        local h = T.load_string([[
          core.register_action("a", { "http-req" }, function(txn)
            core.msleep(100)
            txn:set_var("txn.x", "done")
          end)
        ]], { sched = sched })
        h:start()
        local l, ok = sched.loop, 0
        local t0 = l:now()
        for i = 1, 1000 do
          -- each transaction in its own task: its sleep parks that task
          l:spawn(function()
            local r = h:action("a", { method = "GET", path = "/" .. i })
            if r.tx.txn:get_var("txn.x") == "done" then ok = ok + 1 end
          end)
        end
        assert.is_true(l:run())
        assert.equal(1000, ok)
        assert.same({}, (l:errors()))
        local elapsed = l:now() - t0
        if virtual then
          assert.near(0.1, elapsed, 1e-6)
        else
          -- serially 100 s; the bound shows they shared one sleep period
          assert.is_true(elapsed >= 0.1 and elapsed < 10, "took " .. elapsed)
        end
      end
    end)

    it("applies forced yields and timeouts to a harness coroutine it attaches", function()
      local sched = loop_sched.new{ virtual = true, forced_yield = 1000, timeout = 0.5 }  -- the spin needs ~5 ms; margin for a loaded CI
      local l, peer, out = sched.loop, 0, {}
      -- a driver shaped like proxylua.core's E.exec
      local function exec(fn)
        local co = coroutine.create(fn)
        sched:attach(co)
        local res = table.pack(coroutine.resume(co))
        while coroutine.status(co) == "suspended" do
          res = table.pack(sched:wait(co, table.unpack(res, 2, res.n)))
        end
        return table.unpack(res, 1, res.n)
      end
      l:spawn(function()
        out.spin = { exec(function()
          local n = 0
          for _ = 1, 300000 do n = n + 1 end
          return n, peer
        end) }
      end)
      l:spawn(function() for _ = 1, 5 do peer = peer + 1; l:yield() end end)
      l:spawn(function() out.runaway = { exec(function() while true do end end) } end)
      l:spawn(function()
        out.script_co = { exec(function()
          return coroutine.wrap(function()
            local n = 0
            for _ = 1, 100000 do n = n + 1 end
            return n
          end)()
        end) }
      end)
      assert.is_true(l:run())
      assert.same({ true, 300000, 5 }, out.spin)          -- the peer ran mid-spin
      assert.same({ false, "execution timeout" }, out.runaway)
      assert.same({ true, 100000 }, out.script_co)        -- HAProxy's rule: untouched
      assert.equal("attach: not called from a task of this loop",
        errmsg(l.attach, l, coroutine.create(print)))
    end)

    it("drives a coroutine the harness resumes itself", function()
      local s = loop_sched.new{ virtual = true, now = 1000 }
      local co = coroutine.create(function() s:sleep(1500); return "woke" end)
      local ok, tok, arg = coroutine.resume(co)
      assert.is_true(ok)
      assert.equal(loop_sched.SLEEP, tok)
      assert.equal(1500, arg)
      assert.same({ true, "woke" }, { s:wait(co, tok, arg) })
      assert.same({ 1001, 500000 }, { s:now() })
      s:advance(500)
      assert.same({ 1002, 0 }, { s:now() })
    end)
  end)
end)
