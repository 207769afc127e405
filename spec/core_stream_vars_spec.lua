-- Variables (modules/core/stream/vars.lua). Every rule is asserted against
-- HAProxy 2.6's own outputs.
local C = require "spec.helpers.core"
local state, PROBE, with_txn, errtext = C.state, C.PROBE, C.with_txn, C.errtext

describe("variables", function()
  it("follow 2.6's scope rules in a request action", function()
    local out = with_txn([[
      return txn:set_var("proc.p", 1), txn:set_var("sess.s", 2), txn:set_var("txn.t", 3),
        txn:set_var("req.r", 4), txn:set_var("res.x", 5), txn:get_var("res.x"),
        txn:set_var("invalid.a", 1), txn:set_var("noscope", 1), txn:set_var("TXN.up", 1),
        txn:set_var("txn.a-b", 1), txn:set_var("txn.a.b", 1), txn:get_var("txn.t"),
        txn:set_var("proc.never", 1, true), txn:set_var("txn.fresh", 1, true),
        txn:set_var("proc.newone", 1), txn:unset_var("txn.nothere"), txn:unset_var("bad.x")
    ]])
    assert.same({ true, true, true, true, false, nil, false, false, false, false, true, 3,
                  false, true, true, true, false }, { table.unpack(out, 1, out.n) })
  end)

  it("read back values converted as 2.6 stores them", function()
    local out = with_txn([[
      local t = {}
      for i, v in ipairs({ "hello", "a\0b", 42, true, false, 1.5, 2.0, {} }) do
        txn:set_var("txn.v" .. i, v)
        t[i] = txn:get_var("txn.v" .. i)
      end
      local ok = txn:set_var("txn.nil", nil)
      return t, ok, txn:get_var("txn.nil"), math.type(t[6])
    ]])
    assert.same({ "hello", "a\0b", 42, 1, 0, 0, 2, 0 }, out[1])
    assert.same({ true, 0, "integer" }, { out[2], out[3], out[4] })
  end)

  it("honour ifexist for proc names the config declares", function()
    local h = state([[core.register_action("t", {"http-req"}, function(txn)
      r1 = txn:set_var("proc.declared", 1, true) end)]], { proc_vars = { declared = true } })
    h:action("t")
    assert.is_true(h.env.r1)
  end)

  it("drop req.* on the response side, where res.* can be set", function()
    local h = state([[
      core.register_action("rq", {"http-req"}, function(txn) txn:set_var("req.a", 1) txn:set_var("txn.b", 2) end)
      core.register_action("rs", {"http-res"}, function(txn)
        out = { txn:get_var("req.a"), txn:get_var("txn.b"), txn:set_var("res.c", 3) } end)
    ]])
    local tx = h:transaction(PROBE)
    tx:run("http-req", "rq")
    tx:run("http-res", "rs")
    assert.same({ nil, 2, true }, { h.env.out[1], h.env.out[2], h.env.out[3] })
  end)

  it("check argument counts", function()
    assert.equal("'get_var' needs 2 arguments", errtext("txn:get_var()"))
    assert.equal("'set_var' needs between 3 and 4 arguments", errtext("txn:set_var('txn.x')"))
  end)
end)
