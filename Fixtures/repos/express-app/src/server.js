const express = require("express");
const ordersRouter = require("./routes/orders");
const authRouter = require("./routes/auth");

// ruleid: rate-limit-missing-in-repository
const app = express();
app.use(express.json());
app.use("/orders", ordersRouter);
app.use("/auth", authRouter);

app.get("/status", (req, res) => res.json({ ok: true }));

app.listen(3000);
